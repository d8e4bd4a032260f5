namespace Orchestrator.Core.Output;

public enum ResultStatus
{
    Ok,
    Changed,
    Skipped,
    Failed,
    Unreachable,
}
