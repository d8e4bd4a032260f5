using Orchestrator.Core.Output;

namespace Orchestrator.Engine;

/// <summary>Counts a host's recap numbers the way ansible-playbook does.</summary>
internal sealed class HostStatsCounter
{
    private int ok;
    private int changed;
    private int unreachable;
    private int failed;
    private int skipped;
    private int rescued;
    private int ignored;

    /// <param name="reportedChanged">The result says changed (a failed command still ran): an ignored failure counts it.</param>
    public void Count(ResultStatus status, bool ignoredFailure, bool failureRescuable, bool reportedChanged = false)
    {
        switch (status)
        {
            case ResultStatus.Ok:
                Interlocked.Increment(ref ok);
                break;
            case ResultStatus.Changed:
                // A changed task is also ok in Ansible's recap.
                Interlocked.Increment(ref ok);
                Interlocked.Increment(ref changed);
                break;
            case ResultStatus.Skipped:
                Interlocked.Increment(ref skipped);
                break;
            case ResultStatus.Unreachable:
                Interlocked.Increment(ref unreachable);
                break;
            case ResultStatus.Failed when ignoredFailure:
                Interlocked.Increment(ref ignored);
                // Ansible counts an ignored failure as ok too, and as changed when its result says so.
                Interlocked.Increment(ref ok);
                if (reportedChanged)
                {
                    Interlocked.Increment(ref changed);
                }

                break;
            case ResultStatus.Failed when failureRescuable:
                // The block's rescue takes over: Ansible counts it rescued, not failed.
                Interlocked.Increment(ref rescued);
                break;
            case ResultStatus.Failed:
                Interlocked.Increment(ref failed);
                break;
        }
    }

    public HostStats Snapshot() => new()
    {
        Ok = ok,
        Changed = changed,
        Unreachable = unreachable,
        Failed = failed,
        Skipped = skipped,
        Rescued = rescued,
        Ignored = ignored,
    };
}
