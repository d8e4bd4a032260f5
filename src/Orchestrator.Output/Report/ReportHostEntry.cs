using Orchestrator.Core.Output;

namespace Orchestrator.Output.Report;

/// <summary>One host's outcome of one task: the overall result and, for loops, each item's.</summary>
internal sealed class ReportHostEntry
{
    public HostResult? Overall { get; set; }

    public List<HostResult> Items { get; } = [];

    /// <summary>The result to report: the overall one, or for a loop cut short, its worst item.</summary>
    public HostResult? Summary => Overall ?? Items.OrderByDescending(i => Severity(i.Status)).FirstOrDefault();

    /// <summary>The overall result's diff, or for a loop the diffs of its items one after the other.</summary>
    public string? Diff
    {
        get
        {
            if (!string.IsNullOrEmpty(Overall?.Diff))
            {
                return Overall.Diff;
            }

            var itemDiffs = string.Concat(Items.Select(i => i.Diff));
            return itemDiffs.Length > 0 ? itemDiffs : null;
        }
    }

    private static int Severity(ResultStatus status) => status switch
    {
        ResultStatus.Unreachable => 4,
        ResultStatus.Failed => 3,
        ResultStatus.Changed => 2,
        ResultStatus.Ok => 1,
        _ => 0,
    };
}
