using Orchestrator.Core.Output;
using Orchestrator.Core.Secrets;

namespace Orchestrator.Engine;

/// <summary>
/// The one door to the observers: serializes calls coming from concurrent hosts and masks every secret
/// before any observer sees the text.
/// </summary>
internal sealed class ObserverGate(IRunObserver observer, SecretMasker secrets)
{
    private readonly Lock gate = new();

    public void RunStarted(RunStarted run)
    {
        lock (gate)
        {
            observer.OnRunStarted(run);
        }
    }

    public void PlayStarted(PlayStarted play)
    {
        lock (gate)
        {
            observer.OnPlayStarted(play with { Name = secrets.Apply(play.Name) });
        }
    }

    public void TaskStarted(TaskStarted task)
    {
        lock (gate)
        {
            observer.OnTaskStarted(task with { Name = secrets.Apply(task.Name) });
        }
    }

    public void HostResult(HostResult result)
    {
        var masked = result with
        {
            Task = result.Task with { Name = secrets.Apply(result.Task.Name) },
            Message = secrets.Apply(result.Message),
            Stdout = Mask(result.Stdout),
            Stderr = Mask(result.Stderr),
            Diff = Mask(result.Diff),
            ItemLabel = Mask(result.ItemLabel),
            IncludedFile = Mask(result.IncludedFile),
            Details = result.Details is null ? null : (IReadOnlyDictionary<string, object?>)SecretScrubber.Scrub(result.Details, secrets)!,
        };
        lock (gate)
        {
            observer.OnHostResult(masked);
        }
    }

    public void Retry(RetryNotice retry)
    {
        lock (gate)
        {
            observer.OnRetry(retry with { TaskName = secrets.Apply(retry.TaskName) });
        }
    }

    public void Warning(string message)
    {
        lock (gate)
        {
            observer.OnWarning(secrets.Apply(message));
        }
    }

    public void RunFinished(RunFinished run)
    {
        lock (gate)
        {
            observer.OnRunFinished(run);
        }
    }

    private string? Mask(string? text) => text is null ? null : secrets.Apply(text);
}
