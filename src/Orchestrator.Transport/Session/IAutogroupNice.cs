namespace Orchestrator.Transport.Session;

/// <summary>Puts a process's Linux autogroup back to normal priority (what <see cref="ConnectTurns"/> lowered).</summary>
internal interface IAutogroupNice
{
    void Raise(int processId);
}
