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

    public string DescribeFailure(SessionLostException failure) =>
        SshFailure.Describe(SshCommandLine.Target(settings), failure);

    /// <summary>
    /// Stops a private master that is still running (<c>ssh -O exit</c>; it normally ends with its session) and
    /// removes its folder; a persistent one is left for the next run, ending by itself once idle for its
    /// ControlPersist time.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Socket.LeaveRunning)
        {
            logger.LogDebug("[{Host}] leaving the ssh master running ({Persist})", settings.HostName, Socket.PersistOption);
            return;
        }

        if (File.Exists(Socket.PrivateSocket))
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

            // The master removes its socket as it exits; wait for that (bounded) so nothing is left behind.
            var deadline = DateTime.UtcNow + ExitLimit;
            while (File.Exists(Socket.PrivateSocket) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }
        }

        ControlDirectory.Remove(Socket.Folder);
    }
}
