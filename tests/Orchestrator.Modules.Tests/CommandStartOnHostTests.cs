using Orchestrator.Modules.Commands;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>A command that cannot start (missing chdir, program not found or not executable) reads as Ansible's OSError.</summary>
public sealed class CommandStartOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_missing_chdir_fails_unchanged_without_rc()
    {
        var result = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", "true", "chdir", temp["nope"]));

        Assert.True(result.Failed);
        Assert.False(result.Changed);
        Assert.Null(result.ReturnCode);
        Assert.Null(result.Data["rc"]);
        Assert.Null(result.Data["start"]);
        Assert.Equal($"Unable to change directory before execution: [Errno 2] No such file or directory: b'{temp["nope"]}'", result.Message);
    }

    [Fact]
    public async Task Check_mode_with_creates_and_a_missing_chdir_fails_without_running()
    {
        var result = await RunAsync(new ShellModule(), new ShellTransport(), Args("cmd", "echo ran", "creates", "x", "chdir", temp["nope"]), check: true);

        Assert.True(result.Failed);
        Assert.Equal($"Unable to change directory before execution: [Errno 2] No such file or directory: b'{temp["nope"]}'", result.Message);
    }

    [Fact]
    public async Task A_program_not_found_fails_unchanged_with_rc_2()
    {
        var path = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", "/nonexistent/bin x"));
        var bare = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", "no-such-program-here"));

        Assert.True(path.Failed);
        Assert.False(path.Changed);
        Assert.Equal(2, path.ReturnCode);
        Assert.Equal("[Errno 2] No such file or directory: b'/nonexistent/bin'", path.Message);
        Assert.Equal("/nonexistent/bin x", path.Data["cmd"]);
        Assert.Equal("[Errno 2] No such file or directory: b'no-such-program-here'", bare.Message);
    }

    [Fact]
    public async Task A_program_that_is_not_executable_fails_with_rc_13()
    {
        File.WriteAllText(temp["plain"], "x");
        var result = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", temp["plain"]));

        Assert.False(result.Changed);
        Assert.Equal(13, result.ReturnCode);
        Assert.Equal($"[Errno 13] Permission denied: b'{temp["plain"]}'", result.Message);
    }

    [Fact]
    public async Task A_program_exiting_127_is_a_plain_non_zero_return_code()
    {
        var result = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", "sh -c 'echo not found >&2; exit 127'"));

        Assert.True(result.Failed);
        Assert.True(result.Changed);
        Assert.Equal(127, result.ReturnCode);
        Assert.Equal("non-zero return code", result.Message);
    }

    [Fact]
    public async Task Shell_leaves_a_missing_program_to_the_shell()
    {
        var result = await RunAsync(new ShellModule(), new ShellTransport(), Args("cmd", "no-such-program-here"));

        Assert.Equal(127, result.ReturnCode);
        Assert.Equal("non-zero return code", result.Message);
    }
}
