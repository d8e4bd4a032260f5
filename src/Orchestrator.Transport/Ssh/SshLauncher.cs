using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Ssh;

/// <summary>
/// Runs the session loop over the system ssh client with ControlMaster=auto (see <see cref="ControlSocket"/>):
/// a private master is the session's own process; a kept master (the user's ControlPersist) is shared with
/// later sessions and runs.
/// </summary>
internal sealed class SshLauncher(ConnectionSettings settings, ILogger logger, string userHome) : ISessionLauncher
{
    private static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(5);

    // 1 once StartupTimedOutAsync stopped a kept master, until the failure's message has said so.
    private int stoppedStuckMaster;
    private int stopKeptMaster;

    public ControlSocket Socket { get; } = ControlSocketChoice.For(settings, userHome, logger);

    // Connecting, then the login shell's start-up files (which can be slow) before our loop says it is ready.
    public TimeSpan StartupTimeout => settings.ConnectTimeout + TimeSpan.FromSeconds(30);

    /// <summary>
    /// Kills the ssh client only: a private master with it (it is the session's own process, so the next session
    /// connects again), never a kept one (ssh starts that as a daemon, forked twice, in a session of its own). For
    /// the host this is a dropped connection: the remote commands see end of file (an upload removes its temporary
    /// file) and a command with a timeout is ended by it.
    /// </summary>
    public void Abort(Process process, string sessionDirectory) => ProcessEnd.Kill(process, entireProcessTree: false);

    public ProcessStartInfo CreateStartInfo(string loopScript) =>
        SshCommandLine.Session(
            settings,
            Socket,
            logger.IsEnabled(LogLevel.Trace),
            SessionHelperProgram.StartCommand(loopScript));

    public string DescribeFailure(SessionLostException failure)
    {
        var described = SshFailure.Describe(SshCommandLine.Target(settings), failure);
        return Interlocked.Exchange(ref stoppedStuckMaster, 0) == 1
            ? described + " The kept ssh master to this host gave no session in time and was stopped: the next attempt connects afresh."
            : described;
    }

    /// <summary>
    /// A kept master that cannot give a session within the start-up time is stuck on a host that stopped answering
    /// (a kept master notices that only after ServerAliveInterval x ServerAliveCountMax). It is stopped, so the next
    /// attempt, in this run or the next, connects afresh and reports what the host does now instead of waiting again.
    /// </summary>
    /// <summary>Makes <see cref="DisposeAsync"/> stop a kept master too (meta: reset_connection).</summary>
    public void StopKeptMasterOnDispose() => Volatile.Write(ref stopKeptMaster, 1);

    public async ValueTask StartupTimedOutAsync()
    {
        // Its path has ssh's % tokens, so ssh itself finds it (or reports there is none).
        if (Socket.LeaveRunning)
        {
            logger.LogDebug("[{Host}] stopping the kept ssh master: no session through it in time", settings.HostName);
            await StopMasterAsync().ConfigureAwait(false);
            Volatile.Write(ref stoppedStuckMaster, 1);
        }
    }

    /// <summary>
    /// Stops a private master that is still running (<c>ssh -O exit</c>; it normally ends with its session) and
    /// removes its folder; a persistent one is left for the next run, ending by itself once idle for its
    /// ControlPersist time.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Socket.LeaveRunning && Volatile.Read(ref stopKeptMaster) == 1)
        {
            logger.LogDebug("[{Host}] stopping the kept ssh master (connection reset)", settings.HostName);
            await StopMasterAsync().ConfigureAwait(false);
            return;
        }

        if (Socket.LeaveRunning)
        {
            logger.LogDebug("[{Host}] leaving the ssh master running ({Persist})", settings.HostName, Socket.PersistOption);
            return;
        }

        if (File.Exists(Socket.PrivateSocket))
        {
            await StopMasterAsync().ConfigureAwait(false);
        }

        ControlDirectory.Remove(Socket.Folder);
    }

    // ssh -O exit, then (bounded) until a private master has removed its socket as it exits.
    private async Task StopMasterAsync()
    {
        var startInfo = SshCommandLine.Control(settings, Socket, "exit");
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        using var exit = Process.Start(startInfo);
        if (exit is not null)
        {
            exit.StandardInput.Close();
            var stderr = exit.StandardError.ReadToEndAsync();
            await Task.WhenAny(exit.WaitForExitAsync(), Task.Delay(ExitLimit)).ConfigureAwait(false);
            if (!exit.HasExited)
            {
                exit.Kill();
            }

            logger.LogTrace("[{Host}] ssh -O exit: {Stderr}", settings.HostName, await stderr.ConfigureAwait(false));
        }

        var deadline = DateTime.UtcNow + ExitLimit;
        while (File.Exists(Socket.PrivateSocket) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
        }
    }
}
