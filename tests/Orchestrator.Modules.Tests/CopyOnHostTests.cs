using System.Text;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>copy against this machine's shell: idempotency, check mode, byte-exact content that is never executed.</summary>
public sealed class CopyOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly CopyModule copy = new();

    public void Dispose() => temp.Dispose();

    private string Hostile => $"quotes ' \" $(touch {temp["pwned1"]}) `touch {temp["pwned2"]}` \\ \\n back\\slash\n"
        + $"\ttab\r\nnon-ASCII: héllo ✓ 日本語\n$HOME ${{PATH}} !! *.cs ; rm -rf {temp["victim"]} &\n-- -rf\n'EOF'\nEOF\n";

    [Fact]
    public async Task Validate_checks_a_copy_of_the_new_content_and_a_refusal_leaves_the_file_as_it_was()
    {
        var dest = temp["sudoers"];
        await using var session = new Orchestrator.Transport.LocalTransport();
        var leftovers = Directory.GetFiles("/tmp", ".orch-validate.*").Length;

        var accepted = await RunAsync(copy, session, Args("content", "ok\n", "dest", dest, "validate", "grep -q ok %s"));
        var refused = await RunAsync(copy, session, Args("content", "bad\n", "dest", dest, "validate", "grep -q ok %s"));
        var noPlaceholder = await RunAsync(copy, session, Args("content", "other\n", "dest", dest, "validate", "true"));

        Assert.True(accepted.Changed, accepted.Message);
        Assert.True(refused.Failed);
        Assert.Equal("failed to validate", refused.Message);
        Assert.Equal(1, refused.ReturnCode);
        Assert.Equal("validate must contain %s: true", noPlaceholder.Message);
        Assert.Equal("ok\n", File.ReadAllText(dest));
        Assert.Equal(leftovers, Directory.GetFiles("/tmp", ".orch-validate.*").Length);
    }

    [Fact]
    public async Task Content_arrives_byte_exact_is_never_executed_and_a_second_run_is_ok()
    {
        File.WriteAllText(temp["victim"], "still here");
        var dest = temp["it's a \"file\" $(x).txt"];
        var transport = new ShellTransport();

        var first = await RunAsync(copy, transport, Args("content", Hostile, "dest", dest));
        Assert.True(first.Changed, first.Message);
        Assert.Equal(Encoding.UTF8.GetBytes(Hostile), File.ReadAllBytes(dest));
        Assert.False(File.Exists(temp["pwned1"]));
        Assert.False(File.Exists(temp["pwned2"]));
        Assert.True(File.Exists(temp["victim"]));

        var before = transport.RoundTrips;
        var (plan, second) = await RunAsync(copy, Context(copy, Args("content", Hostile, "dest", dest), transport));
        Assert.Null(plan.Apply);
        Assert.False(second.Changed);
        Assert.False(second.Failed, second.Message);
        Assert.Equal(1, transport.RoundTrips - before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Content_is_compared_on_the_host_as_data_only_without_become_and_is_never_in_the_script(bool become)
    {
        const string content = "db_password=s3cret-for-the-probe\n";
        var dest = temp["app.conf"];
        File.WriteAllText(dest, content);
        var transport = new ShellTransport();

        var (_, result) = await RunAsync(copy, Context(copy, Args("content", content, "dest", dest), transport) with { Become = become });

        Assert.False(result.Changed, result.Message);
        var probe = Assert.Single(transport.Requests);
        Assert.DoesNotContain("s3cret-for-the-probe", probe.Command, StringComparison.Ordinal);
        Assert.Equal(become ? null : Encoding.UTF8.GetBytes(content), probe.ScriptData);
    }

    [Fact]
    public async Task Binary_content_from_a_src_file_is_copied_exactly()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Encoding.UTF8.GetBytes("\n$(x)\n")).ToArray();
        var source = temp["blob.bin"];
        File.WriteAllBytes(source, bytes);
        var dest = temp["copy.bin"];

        var result = await RunAsync(copy, new ShellTransport(), Args("src", source, "dest", dest), diff: true);

        Assert.True(result.Changed);
        Assert.Null(result.Diff);
        Assert.Equal(bytes, File.ReadAllBytes(dest));
        Assert.False((await RunAsync(copy, new ShellTransport(), Args("src", source, "dest", dest))).Changed);
    }

    [Fact]
    public async Task Check_mode_reports_the_change_and_touches_nothing()
    {
        var dest = temp["motd"];
        File.WriteAllText(dest, "old\n");

        var result = await RunAsync(copy, new ShellTransport(), Args("content", "new\n", "dest", dest, "mode", "0600"), check: true, diff: true);

        Assert.True(result.Changed);
        Assert.Equal(new FileDiff(dest, "old\n", "new\n"), result.Diff);
        Assert.Equal("old\n", File.ReadAllText(dest));
        Assert.NotEqual("600", UnixModeOf(dest));
    }

    [Fact]
    public async Task A_mode_change_alone_is_a_change_and_then_ok()
    {
        var dest = temp["motd"];
        File.WriteAllText(dest, "same\n");
        var arguments = Args("content", "same\n", "dest", dest, "mode", "0600");

        Assert.True((await RunAsync(copy, new ShellTransport(), arguments)).Changed);
        Assert.Equal("600", UnixModeOf(dest));
        Assert.False((await RunAsync(copy, new ShellTransport(), arguments)).Changed);
    }

    [Fact]
    public async Task A_symbolic_mode_on_a_new_file_is_applied_then_stable()
    {
        var dest = temp["script.sh"];
        var arguments = Args("content", "#!/bin/sh\n", "dest", dest, "mode", "u=rwx,go=r");

        Assert.True((await RunAsync(copy, new ShellTransport(), arguments)).Changed);
        Assert.Equal("744", UnixModeOf(dest));
        Assert.False((await RunAsync(copy, new ShellTransport(), arguments)).Changed);
    }

    [Fact]
    public async Task A_directory_dest_gets_the_file_under_the_source_name()
    {
        var source = temp["app.conf"];
        File.WriteAllText(source, "key=value\n");
        Directory.CreateDirectory(temp["etc"]);

        var into = await RunAsync(copy, new ShellTransport(), Args("src", source, "dest", temp["etc"]));
        var slash = await RunAsync(copy, new ShellTransport(), Args("src", source, "dest", temp["new/conf.d"] + "/"));

        Assert.True(into.Changed);
        Assert.Equal(temp["etc/app.conf"], into.Data["dest"]);
        Assert.Equal("key=value\n", File.ReadAllText(temp["etc/app.conf"]));
        Assert.True(slash.Changed, slash.Message);
        Assert.Equal("key=value\n", File.ReadAllText(temp["new/conf.d/app.conf"]));
        Assert.False((await RunAsync(copy, new ShellTransport(), Args("src", source, "dest", temp["new/conf.d"] + "/"))).Changed);
    }

    [Fact]
    public async Task Backup_keeps_the_old_content_beside_the_file()
    {
        var dest = temp["motd"];
        File.WriteAllText(dest, "old\n");

        var result = await RunAsync(copy, new ShellTransport(), Args("content", "new\n", "dest", dest, "backup", true));

        var backup = Assert.IsType<string>(result.Data["backup_file"]);
        Assert.StartsWith(dest + ".", backup, StringComparison.Ordinal);
        Assert.EndsWith("~", backup, StringComparison.Ordinal);
        Assert.Equal("old\n", File.ReadAllText(backup));
        Assert.Equal("new\n", File.ReadAllText(dest));
    }

    [Fact]
    public async Task A_missing_src_is_a_located_user_error()
    {
        var error = await Assert.ThrowsAsync<Core.Diagnostics.UserErrorException>(
            () => RunAsync(copy, new ShellTransport(), Args("src", "no-such-file.txt", "dest", temp["x"])));
        Assert.Contains("no-such-file.txt", error.Message, StringComparison.Ordinal);
    }

    internal static string UnixModeOf(string path) =>
        Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
