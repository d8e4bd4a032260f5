namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>One host's result of a task in the JSON report.</summary>
internal sealed record ReportedResult(string Status, string Msg, int? Rc, string? Diff, long DurationMs);
