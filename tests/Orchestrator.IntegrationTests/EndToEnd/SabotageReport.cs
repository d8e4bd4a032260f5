namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>What the saboteur saw: the temporary file, its size when it struck and right after, and the pids it signalled.</summary>
internal sealed record SabotageReport(string TemporaryFile, long SizeAtStrike, long SizeAfterStrike, string Signalled, string Raw);
