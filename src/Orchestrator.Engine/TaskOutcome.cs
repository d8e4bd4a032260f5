using Orchestrator.Core.Output;

namespace Orchestrator.Engine;

/// <summary>One task's overall result on one host.</summary>
/// <param name="Registered">The value register stores.</param>
/// <param name="Facts">Variables set_fact (or setup) produced, applied by the caller (all hosts under run_once).</param>
internal sealed record TaskOutcome(ResultStatus Status, Dictionary<string, object?> Registered, bool Ignored)
{
    public IReadOnlyDictionary<string, object?>? Facts { get; init; }

    public bool IsFailure => Status is ResultStatus.Failed && !Ignored;
}
