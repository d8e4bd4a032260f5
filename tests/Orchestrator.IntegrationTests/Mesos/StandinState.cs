namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>What a stand-in daemon says about itself on GET /standin: the flags it runs with and when it started.</summary>
internal sealed record StandinState(
    string Role,
    IReadOnlyDictionary<string, string> Flags,
    IReadOnlyDictionary<string, string> Origin,
    double StartTime,
    string? LibprocessIp);
