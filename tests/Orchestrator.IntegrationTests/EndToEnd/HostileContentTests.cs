using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Scenarios/hostile: quotes, $(...), backticks, backslashes, tabs, CR, trailing spaces and non-ASCII through
/// copy (content and src), template, lineinfile, a file name, a command's stdin and argv; every file is
/// fetched back byte for byte, and nothing in the content was executed on the host.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class HostileContentTests(HostKitFixture lab) : IDisposable
{
    private const string Root = "/srv/e2e-hostile";
    private const string Pwned = "/tmp/pwned";
    private const int Tasks = 9;

    private const string HostileLine =
        "it's \"double\" 'single' $(touch /tmp/pwned) `touch /tmp/pwned` ${HOME} $HOME \\ back\\slash \\n \\\\ \ttab\t; | & > < * ? [x] ~ # ! % %s Grüße ✓ 日本 trailing   ";

    private const string Hostile =
        HostileLine + "\n" + "second line\r\n" + "\tindented\n" + "CR alone\rin the middle\n" + "   \n" + "\n" + "no newline at the end ✓ $(touch /tmp/pwned)";

    private const string HostileName = "name 'single' \"double\" $(touch \\tmp\\pwned) `id` ; & | \tline\nbreak Grüße ✓.txt";

    private static readonly string Playbook = Workspace.Scenario("hostile", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task Hostile_content_arrives_byte_exact_and_nothing_runs()
    {
        await lab.ResetAsync(Root);
        foreach (var host in lab.Hosts)
        {
            await lab.RunAsync(host.Name, $"rm -f {Pwned}");
        }

        byte[] binary = [.. Encoding.UTF8.GetBytes(Hostile), .. Enumerable.Range(0, 256).Select(b => (byte)b), 0xff, 0xfe, 0, 0];
        var source = workspace.WriteFile("hostile.bin", binary);
        const string templateText = "literal: " + Hostile + "\nvariable: {{ hostile_line }}\nend\r\n";
        var template = workspace.WriteFile("hostile.txt.hbs", Encoding.UTF8.GetBytes(templateText));
        var variables = workspace.WriteFile("hostile.json", JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, string>
            {
                ["e2e_root"] = Root,
                ["hostile"] = Hostile,
                ["hostile_line"] = HostileLine,
                ["hostile_name"] = HostileName,
                ["hostile_src"] = source,
                ["hostile_template"] = template,
            },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var first = await workspace.RunAsync(Playbook, ["-e", "@" + variables]);

        Expect.Exit(first, 0);
        foreach (var host in lab.Hosts.Select(h => h.Name))
        {
            // folder, copy, copy src, template, lineinfile, the named copy and the shell change.
            Expect.Recap(first, host, new HostRecap(Tasks, 7, 0, 0, 0, 0, 0));
            AssertBytes(Encoding.UTF8.GetBytes(Hostile), await lab.ReadFileAsync(host, $"{Root}/content.txt"), host, "copy content");
            AssertBytes(binary, await lab.ReadFileAsync(host, $"{Root}/src.bin"), host, "copy src");
            AssertBytes(
                Encoding.UTF8.GetBytes(templateText.Replace("{{ hostile_line }}", HostileLine, StringComparison.Ordinal)),
                await lab.ReadFileAsync(host, $"{Root}/template.txt"),
                host,
                "template");
            AssertBytes(Encoding.UTF8.GetBytes(HostileLine + "\n"), await lab.ReadFileAsync(host, $"{Root}/lines.txt"), host, "lineinfile");
            AssertBytes("named\n"u8.ToArray(), await lab.ReadFileAsync(host, $"{Root}/{HostileName}"), host, "hostile file name");
            AssertBytes(Encoding.UTF8.GetBytes(Hostile), await lab.ReadFileAsync(host, $"{Root}/stdin.txt"), host, "shell stdin");
            Assert.Equal("xxxxxx", (await lab.RunAsync(host, $"find {Root} -mindepth 1 -maxdepth 1 -printf x")).Trim());
        }

        var second = await workspace.RunAsync(Playbook, ["-e", "@" + variables]);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, lab.Hosts.Select(h => h.Name));

        foreach (var host in lab.Hosts.Select(h => h.Name))
        {
            Assert.False(await lab.ExistsAsync(host, Pwned), $"{Pwned} exists on {host}: hostile content was executed");
            Assert.False(await lab.ExistsAsync(host, "/srv/e2e-hostile/$(touch \\tmp\\pwned)"), host);
        }
    }

    public void Dispose() => workspace.Dispose();

    private static void AssertBytes(byte[] expected, byte[]? actual, string host, string what)
    {
        Assert.True(actual is not null, $"{what}: no file on {host}");
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
            throw new Xunit.Sdk.XunitException(
                $"{what} on {host}: {actual.Length} bytes, expected {expected.Length}; first difference at byte {at}\n"
                + $"expected: {Convert.ToHexString(expected.AsSpan(at, Math.Min(24, expected.Length - at)))}\n"
                + $"actual:   {Convert.ToHexString(actual.AsSpan(at, Math.Min(24, Math.Max(0, actual.Length - at))))}");
        }
    }
}
