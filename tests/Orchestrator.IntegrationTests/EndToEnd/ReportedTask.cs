namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>One task of the JSON report with its result per host.</summary>
internal sealed record ReportedTask(string Name, string Module, IReadOnlyDictionary<string, ReportedResult> Results)
{
    public ReportedResult On(string host) =>
        Results.GetValueOrDefault(host) ?? throw new Xunit.Sdk.XunitException($"task '{Name}' has no result for {host}");
}
