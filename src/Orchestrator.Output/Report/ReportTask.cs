using Orchestrator.Core.Output;

namespace Orchestrator.Output.Report;

internal sealed class ReportTask(TaskStarted source)
{
    public TaskStarted Source { get; } = source;

    /// <summary>Per host, in the order hosts first reported.</summary>
    public Dictionary<string, ReportHostEntry> Results { get; } = new(StringComparer.Ordinal);

    public ReportHostEntry For(string host)
    {
        if (!Results.TryGetValue(host, out var entry))
        {
            entry = new ReportHostEntry();
            Results[host] = entry;
        }

        return entry;
    }
}
