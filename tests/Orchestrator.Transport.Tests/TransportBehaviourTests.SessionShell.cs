using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Tests;

/// <summary>Our own scripts that run in the session's own shell (CommandRequest.InSessionShell), for every transport.</summary>
public abstract partial class TransportBehaviourTests
{
    // The PID of the shell running it (/proc/self of a builtin is the shell itself; $$ is the session's in a subshell).
    private const string ShellPid = "read -r __tp __tq </proc/self/stat; echo \"$__tp\"";

    [Fact]
    public async Task A_script_for_the_session_shell_runs_there_without_a_fork_and_the_session_goes_on()
    {
        var session = (await RunAsync(new CommandRequest("echo $$") { IsInternal = true })).StdoutText;
        Assert.Equal(session, (await InShell(ShellPid)).StdoutText);
        Assert.NotEqual(session, (await RunAsync(new CommandRequest(ShellPid) { IsInternal = true })).StdoutText);

        // Wherever a subshell or a fresh shell is needed anyway, it gets one.
        var limit = TimeSpan.FromSeconds(30);
        Assert.NotEqual(session, (await RunAsync(new CommandRequest(ShellPid) { IsInternal = true, InSessionShell = true, Timeout = limit })).StdoutText);
        Assert.NotEqual(session, (await RunAsync(new CommandRequest("cat >/dev/null; " + ShellPid) { IsInternal = true, InSessionShell = true, Stdin = "x"u8.ToArray() })).StdoutText);
        Assert.NotEqual(session, (await RunAsync(new CommandRequest(ShellPid) { IsInternal = true, InSessionShell = true, WorkingDirectory = "/" })).StdoutText);
        Assert.NotEqual(session, (await RunAsync(new CommandRequest(ShellPid) { InSessionShell = true })).StdoutText);

        // LC_ALL=C holds for the script alone; a user's command afterwards has the session's own.
        var before = (await RunAsync("echo \"${LC_ALL-unset}\"")).StdoutText;
        Assert.Equal("C\n1\n", (await InShell("echo \"$LC_ALL\"; env | grep -c '^LC_ALL=C$'")).StdoutText);
        Assert.Equal(before, (await RunAsync("echo \"${LC_ALL-unset}\"")).StdoutText);

        // Exit codes, stderr, and errors that would end a plain eval (syntax, a failed redirection) end only the script.
        Assert.Equal((1, "e\n"), await Outcome(InShell("echo e >&2; false")));
        Assert.NotEqual(0, (await InShell("if")).ExitCode);
        Assert.NotEqual(0, (await InShell(": >/nonexistent-orch/x")).ExitCode);
        Assert.Equal("alive\n", (await RunAsync("echo alive")).StdoutText);
        Assert.Equal(session, (await InShell(ShellPid)).StdoutText);
    }

    [Fact]
    public async Task A_helper_call_in_the_session_shell_keeps_the_loops_sigpipe_handler_even_when_the_helper_is_gone()
    {
        var made = await InShell($"{{ [ \"$__h\" = 1 ] && __hc d 0750 {Scratch}/a; }} || mkdir -p -m 0750 -- {Scratch}/a; trap");
        Assert.Contains("exit 141", made.StdoutText, StringComparison.Ordinal);

        // The helper killed: the write to it fails instead of raising SIGPIPE, mkdir answers, and the loop serves on.
        var fallback = await InShell($"{KillHelper}; sleep 0.2; {{ [ \"$__h\" = 1 ] && __hc d 0750 {Scratch}/b && echo helper; }} || mkdir -p -m 0750 -- {Scratch}/b; trap");
        Assert.Equal(0, fallback.ExitCode);
        Assert.DoesNotContain("helper", fallback.StdoutText, StringComparison.Ordinal);
        Assert.Contains("exit 141", fallback.StdoutText, StringComparison.Ordinal);
        Assert.Equal("750\n750\n", (await RunAsync($"stat -c %a {Scratch}/a {Scratch}/b")).StdoutText);
        Assert.Equal((await RunAsync(new CommandRequest("echo $$") { IsInternal = true })).StdoutText, (await InShell(ShellPid)).StdoutText);
    }

    private static async Task<(int ExitCode, string Stderr)> Outcome(Task<CommandResult> run)
    {
        var result = await run;
        return (result.ExitCode, result.StderrText);
    }

    private Task<CommandResult> InShell(string script) =>
        RunAsync(new CommandRequest(script) { IsInternal = true, InSessionShell = true });
}
