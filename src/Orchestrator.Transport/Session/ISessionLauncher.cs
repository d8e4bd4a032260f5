using System.Diagnostics;

namespace Orchestrator.Transport.Session;

/// <summary>Starts the process that runs <see cref="LoopScript"/> on a host: a local sh, or sh over ssh.</summary>
internal interface ISessionLauncher : IAsyncDisposable
{
    /// <summary>How long the process may take to print the ready line (connecting, login shell start-up).</summary>
    TimeSpan StartupTimeout { get; }

    /// <summary>
    /// Ends a session process that must stop now (cancelled, no answer, broken protocol) without blocking.
    /// The session stops waiting for its output at once (a kept ssh master may hold the pipes open).
    /// </summary>
    /// <param name="sessionDirectory">The session's folder on the host, or "" before the session was ready.</param>
    void Abort(Process process, string sessionDirectory);

    ProcessStartInfo CreateStartInfo(string loopScript);

    /// <summary>A session was not ready within <see cref="StartupTimeout"/> (and has been aborted).</summary>
    ValueTask StartupTimedOutAsync();

    /// <summary>The message of the <c>HostUnreachableException</c> for a session that could not start or died.</summary>
    string DescribeFailure(SessionLostException failure);
}
