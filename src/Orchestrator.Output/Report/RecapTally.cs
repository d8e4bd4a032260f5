using Orchestrator.Core.Output;

namespace Orchestrator.Output.Report;

/// <summary>
/// A recap counted from the results seen so far, for a report written before the engine's own recap exists
/// (an interrupted run). It follows ansible's rules except "rescued", which only the engine knows.
/// </summary>
internal static class RecapTally
{
    public static SortedDictionary<string, HostStats> Count(IEnumerable<ReportPlay> plays)
    {
        var recap = new SortedDictionary<string, HostStats>(StringComparer.Ordinal);
        foreach (var (host, entry) in plays.SelectMany(p => p.Tasks).SelectMany(t => t.Results))
        {
            if (entry.Summary is not { } result)
            {
                continue;
            }

            recap[host] = Add(recap.GetValueOrDefault(host) ?? new HostStats(), result);
        }

        return recap;
    }

    private static HostStats Add(HostStats stats, HostResult result) => result.Status switch
    {
        ResultStatus.Ok => stats with { Ok = stats.Ok + 1 },
        ResultStatus.Changed => stats with { Ok = stats.Ok + 1, Changed = stats.Changed + 1 },
        ResultStatus.Skipped => stats with { Skipped = stats.Skipped + 1 },
        ResultStatus.Failed when result.Ignored => stats with { Ok = stats.Ok + 1, Ignored = stats.Ignored + 1 },
        ResultStatus.Failed => stats with { Failed = stats.Failed + 1 },
        _ => stats with { Unreachable = stats.Unreachable + 1 },
    };
}
