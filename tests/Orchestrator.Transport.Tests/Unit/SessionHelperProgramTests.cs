using System.Diagnostics;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>How a session's loop starts: with the helper where Perl is, without it (and with the same loop) where not.</summary>
public sealed class SessionHelperProgramTests
{
    // The folder Perl made for the session (none without it): a private one, by the name mktemp's template gives.
    private static readonly string Loop =
        $"{SessionHelperProgram.LoopSetup}\n{SessionHelperProgram.Functions}\n__hc s / && echo answered\necho \"h=$__h arguments=$#\"\n"
        + "if [ -n \"$__d\" ]; then case ${__d#\"${TMPDIR:-/tmp}\"/} in orch.$$.??????????) stat -c 'folder %a %U' \"$__d\" ;; esac; rmdir \"$__d\"; fi";

    [Fact]
    public async Task With_perl_the_loop_gets_the_helper_and_its_folder_and_no_arguments()
    {
        Assert.Equal(
            $"answered\nh=1 arguments=0\nfolder 700 {Environment.UserName}\n",
            await StartAsync(["/bin/sh", "-c", SessionHelperProgram.StartCommand(Loop)]));
    }

    [Fact]
    public async Task Without_perl_the_same_loop_runs_alone()
    {
        Assert.Equal("h=0 arguments=0\n", await StartAsync(["/bin/sh", "-c", SessionHelperProgram.StartCommand(Loop, "/nonexistent/perl")]));
    }

    [Fact]
    public async Task Arguments_that_are_not_the_helper_s_pipes_are_not_taken_for_them()
    {
        foreach (var arguments in new[] { new[] { "8", "9", "" }, ["4", "4", ""], ["4", "5"], ["x", "y", ""] })
        {
            Assert.Equal($"h=0 arguments=0\n", await StartAsync(["/bin/sh", "-c", Loop, "sh", .. arguments]));
        }
    }

    private static async Task<string> StartAsync(IReadOnlyList<string> command)
    {
        var startInfo = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("", await stderr);
        return await stdout;
    }
}
