using System.Diagnostics;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Local;

/// <summary>Runs the session loop in a local <c>/bin/sh</c> on the controller, in a process group of its own.</summary>
internal sealed class LocalLauncher : ISessionLauncher
{
    /// <summary>How long the processes of an aborted session get to run their traps before they are killed.</summary>
    private static readonly TimeSpan TermGrace = TimeSpan.FromSeconds(2);

    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(30);

    public ProcessStartInfo CreateStartInfo(string loopScript)
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        // setsid: the loop leads its own process group, so an abort can signal it and all its commands
        // at once, and a Ctrl-C on the controller's terminal reaches them only through the controller.
        var startInfo = new ProcessStartInfo("setsid")
        {
            // Same starting point as an ssh login: the user's home.
            WorkingDirectory = Directory.Exists(home) ? home : "/",
        };
        foreach (var argument in new[] { "/bin/sh", "-c", SessionHelperProgram.StartCommand(loopScript) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>
    /// TERM first, so a command's traps run (an interrupted upload removes its temporary file), then KILL
    /// for the whole tree: a local session's commands are its descendants and must not outlive it. A loop
    /// killed that way cannot run its EXIT trap, so its folder, which is on this machine, is removed here.
    /// </summary>
    public void Abort(Process process, string sessionDirectory)
    {
        ProcessEnd.TerminateGroup(process);
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TermGrace)).ConfigureAwait(false);
                ProcessEnd.Kill(process, entireProcessTree: true);
                await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(TermGrace)).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Already exited and released by the session.
            }

            RemoveFolder(sessionDirectory);
        });
    }

    public string DescribeFailure(SessionLostException failure)
    {
        var exit = failure.ProcessExitCode is { } code ? $" (exit {code})" : "";
        var said = string.IsNullOrWhiteSpace(failure.ProcessStderr) ? "" : ": " + failure.ProcessStderr;
        return $"local shell session: {failure.Message}{exit}{said}";
    }

    public ValueTask StartupTimedOutAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static void RemoveFolder(string sessionDirectory)
    {
        try
        {
            if (sessionDirectory.Length > 0)
            {
                Directory.Delete(sessionDirectory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already (the loop's own trap removed it), or not ours to remove.
        }
    }
}
