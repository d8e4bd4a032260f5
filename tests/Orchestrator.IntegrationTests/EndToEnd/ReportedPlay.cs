namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>One play of the JSON report (one entry per serial batch).</summary>
internal sealed record ReportedPlay(string Name, IReadOnlyList<string> Hosts, IReadOnlyList<ReportedTask> Tasks);
