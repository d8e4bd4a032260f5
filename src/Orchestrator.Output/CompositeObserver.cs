using System.Runtime.ExceptionServices;
using Orchestrator.Core.Output;

namespace Orchestrator.Output;

/// <summary>
/// Forwards every event to several observers, in the order given. One observer failing (say, the report's
/// disk is full) does not starve the others of the event; its exception is rethrown after all were called.
/// </summary>
public sealed class CompositeObserver : IRunObserver
{
    private readonly IRunObserver[] observers;

    public CompositeObserver(params IRunObserver[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        if (observers.Any(o => o is null))
        {
            throw new ArgumentException("An observer is null.", nameof(observers));
        }

        this.observers = [.. observers];
    }

    public void OnRunStarted(RunStarted run) => Each(o => o.OnRunStarted(run));

    public void OnPlayStarted(PlayStarted play) => Each(o => o.OnPlayStarted(play));

    public void OnTaskStarted(TaskStarted task) => Each(o => o.OnTaskStarted(task));

    public void OnHostResult(HostResult result) => Each(o => o.OnHostResult(result));

    public void OnWarning(string message) => Each(o => o.OnWarning(message));

    public void OnRetry(RetryNotice retry) => Each(o => o.OnRetry(retry));

    public void OnRunFinished(RunFinished run) => Each(o => o.OnRunFinished(run));

    private void Each(Action<IRunObserver> call)
    {
        List<Exception>? failures = null;
        foreach (var observer in observers)
        {
            try
            {
                call(observer);
            }
            catch (Exception ex)
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is [var single])
        {
            ExceptionDispatchInfo.Capture(single).Throw();
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }
}
