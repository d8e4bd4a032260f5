using System.Diagnostics;
using System.Globalization;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>
/// copy and template register the written file's mode, owner, group, ids and size (Ansible's copy RETURN), predicted
/// in the one probe: check mode's prediction, the real run's result and the file's own stat agree. Over the product's
/// LocalTransport, whose uploads create files as a remote session would (the umask's mode, the session's user).
/// </summary>
public sealed class WriteResultOnHostTests : IDisposable
{
    private static readonly string[] Keys = ["dest", "checksum", "size", "state", "mode", "owner", "group", "uid", "gid"];

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("new file", null)]
    [InlineData("new file with a symbolic mode", "u+x,g-r")]
    [InlineData("into a folder made for it", null)]
    [InlineData("into an existing folder", "0600")]
    public async Task A_new_file_s_registered_attributes_are_predicted_in_check_mode_and_match_the_file(string where, string? mode)
    {
        var source = temp["app.conf"];
        File.WriteAllText(source, "key=value\n");
        Directory.CreateDirectory(temp["etc"]);
        var (arguments, written) = where switch
        {
            "into a folder made for it" => (Args("src", source, "dest", temp["conf.d"] + "/"), temp["conf.d/app.conf"]),
            "into an existing folder" => (Args("src", source, "dest", temp["etc"]), temp["etc/app.conf"]),
            _ => (Args("content", "key=value\n", "dest", temp["new.conf"]), temp["new.conf"]),
        };
        if (mode is not null)
        {
            arguments["mode"] = mode;
        }

        var copy = new CopyModule();
        await using var session = new Orchestrator.Transport.LocalTransport();
        var predicted = await RunAsync(copy, session, arguments, check: true);
        Assert.False(File.Exists(written));
        var result = await RunAsync(copy, session, arguments);

        Assert.True(result.Changed, result.Message);
        Assert.Equal(Registered(predicted), Registered(result));
        Assert.Equal(Actual(written), Registered(result));
        Assert.Equal(Registered(result), Registered(await RunAsync(copy, session, arguments)));
    }

    [Fact]
    public async Task A_template_registers_the_same_fields()
    {
        Directory.CreateDirectory(temp["templates"]);
        File.WriteAllText(temp["templates/t"], "value={{ v }}\n");
        var template = new TemplateModule();
        var variables = new Dictionary<string, object?> { ["v"] = "1" };
        await using var session = new Orchestrator.Transport.LocalTransport();

        var (_, result) = await RunAsync(template, Context(template, Args("src", "t", "dest", temp["out"]), session, variables: variables, playbookDirectory: temp.Path));

        Assert.Equal("t", result.Data["src"]);
        Assert.Equal(Actual(temp["out"]), Registered(result));
    }

    // The probe's write identity: a rerun that keeps the owner starts no process (an empty answer); a new file or
    // another owner is asked about. In the session's own shell, over the product's transport.
    [Fact]
    public async Task The_write_identity_asks_only_what_a_write_would_change()
    {
        var existing = temp["existing"];
        File.WriteAllText(existing, "x");
        var owner = Actual(existing)["owner"]!.ToString();
        var probe = new RemoteProbe();
        var folder = probe.AddFile(temp.Path, follow: true);
        var same = probe.AddWriteIdentity(probe.AddFile(existing, follow: true), folder, owner, null);
        var other = probe.AddWriteIdentity(probe.AddFile(existing, follow: true), folder, "nobody", "nogroup");
        var created = probe.AddWriteIdentity(probe.AddFile(temp["new"], follow: true), folder, null, null);
        var directory = probe.AddWriteIdentity(probe.AddFile(temp.Path, follow: true), folder, "nobody", null);
        Assert.True(probe.Request().InSessionShell);

        await using var session = new Orchestrator.Transport.LocalTransport();
        var answers = await probe.RunAsync(session, CancellationToken.None);

        Assert.Null(answers.Error);
        Assert.Equal("", answers.Text(same));
        Assert.Equal("", answers.Text(directory));
        Assert.Equal(65534, WriteIdentity.Parse(answers.Text(other)).Owner?.Id);
        Assert.Equal("nogroup", WriteIdentity.Parse(answers.Text(other)).Group?.Name);
        var identity = WriteIdentity.Parse(answers.Text(created));
        Assert.NotNull(identity.Umask);
        Assert.Equal(owner, identity.Writer?.Name);
    }

    private static Dictionary<string, object?> Registered(ModuleResult result) =>
        Keys.ToDictionary(key => key, key => result.Data.GetValueOrDefault(key));

    // What stat says of the file, under the registered names.
    private static Dictionary<string, object?> Actual(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true };
        foreach (var word in new[] { "-c", "%04a\n%U\n%G\n%u\n%g\n%s", "--", path })
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var fields = process.StandardOutput.ReadToEnd().TrimEnd('\n').Split('\n');
        process.WaitForExit();
        var content = File.ReadAllBytes(path);
        return new Dictionary<string, object?>
        {
            ["dest"] = path,
            ["checksum"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(content)),
            ["size"] = long.Parse(fields[5], CultureInfo.InvariantCulture),
            ["state"] = "file",
            ["mode"] = fields[0],
            ["owner"] = fields[1],
            ["group"] = fields[2],
            ["uid"] = long.Parse(fields[3], CultureInfo.InvariantCulture),
            ["gid"] = long.Parse(fields[4], CultureInfo.InvariantCulture),
        };
    }
}
