using System.Diagnostics;

namespace Orchestrator.Transport.Session;

/// <summary>Starts the process that runs <see cref="LoopScript"/> on a host: a local sh, or sh over ssh.</summary>
internal interface ISessionLauncher : IAsyncDisposable
{
    /// <summary>How long the process may take to print the ready line (connecting, login shell start-up).</summary>
    TimeSpan StartupTimeout { get; }

    /// <summary>
    /// Whether killing a session must kill its whole process tree. A local session's commands are its
    /// descendants; an ssh session's remote commands are not, and its descendant is the shared master.
    /// </summary>
    bool KillProcessTree { get; }

    ProcessStartInfo CreateStartInfo(string loopScript);

    /// <summary>The message of the <c>HostUnreachableException</c> for a session that could not start or died.</summary>
    string DescribeFailure(SessionLostException failure);
}
