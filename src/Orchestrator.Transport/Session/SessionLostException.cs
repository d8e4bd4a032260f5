namespace Orchestrator.Transport.Session;

/// <summary>The session process died, closed its pipes or broke the protocol; the session is unusable.</summary>
internal sealed class SessionLostException : Exception
{
    public SessionLostException(string message, int? processExitCode, string processStderr, Exception? inner = null)
        : base(message, inner)
    {
        ProcessExitCode = processExitCode;
        ProcessStderr = processStderr;
    }

    /// <summary>The session process's exit code when it had exited (255 = ssh could not connect or lost the connection).</summary>
    public int? ProcessExitCode { get; }

    /// <summary>The tail of the session process's own stderr (ssh's diagnostics).</summary>
    public string ProcessStderr { get; }
}
