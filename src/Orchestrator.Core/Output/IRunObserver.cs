namespace Orchestrator.Core.Output;

/// <summary>
/// Receives a run's progress. Calls arrive from the engine in order (never concurrently), so
/// implementations need no locking.
/// </summary>
public interface IRunObserver
{
    void OnRunStarted(RunStarted run);

    void OnPlayStarted(PlayStarted play);

    void OnTaskStarted(TaskStarted task);

    void OnHostResult(HostResult result);

    void OnWarning(string message);

    /// <summary>An until task's attempt failed and another follows (ansible's "FAILED - RETRYING" line).</summary>
    void OnRetry(RetryNotice retry)
    {
    }

    void OnRunFinished(RunFinished run);
}
