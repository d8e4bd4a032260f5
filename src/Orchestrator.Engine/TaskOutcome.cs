using Orchestrator.Core.Output;

namespace Orchestrator.Engine;

/// <summary>One task's overall result on one host.</summary>
/// <param name="Registered">The value register stores.</param>
/// <param name="Facts">Variables set_fact (or setup) produced, applied by the caller (all hosts under run_once).</param>
internal sealed record TaskOutcome(ResultStatus Status, Dictionary<string, object?> Registered, bool Ignored)
{
    public IReadOnlyDictionary<string, object?>? Facts { get; init; }

    /// <summary>The task's notify names rendered for the host (they may be templates); null = the names as written.</summary>
    public IReadOnlyList<string>? Notify { get; init; }

    public bool IsFailure => Status is ResultStatus.Failed && !Ignored;
}
