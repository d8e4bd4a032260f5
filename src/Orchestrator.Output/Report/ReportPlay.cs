namespace Orchestrator.Output.Report;

internal sealed class ReportPlay(string name, IReadOnlyList<string> hosts)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Hosts { get; } = hosts;

    public List<ReportTask> Tasks { get; } = [];
}
