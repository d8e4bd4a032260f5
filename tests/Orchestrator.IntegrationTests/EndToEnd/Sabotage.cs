namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>How the saboteur acts on the upload's processes on the host once the upload's temporary file is big enough.</summary>
public enum Sabotage
{
    /// <summary>SIGKILL to the connection's sshd processes: a connection lost, as the host's shell sees it (end of input).</summary>
    DropConnection,

    /// <summary>SIGKILL to sshd and every process of the session down to the writer: a host that dies mid-write, so no trap runs.</summary>
    KillSession,

    /// <summary>SIGSTOP to every process that has the temporary file open: the upload stalls in flight (the test resumes it with <see cref="UploadSaboteur.ResumeAsync"/>).</summary>
    StallWriter,

    /// <summary>Waits until the temporary file is gone again (renamed over the destination), then drops the connection.</summary>
    DropConnectionAfterRename,
}
