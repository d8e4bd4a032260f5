namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>How a run of the real program ended: exit code, output, wall time and the parsed --json-report.</summary>
internal sealed record OrchestrateResult(
    int ExitCode, string StandardOutput, string StandardError, bool TimedOut, TimeSpan WallTime, RunReport? Report)
{
    /// <summary>The report, which every run in these tests asks for; its absence fails the test with the output.</summary>
    public RunReport RequiredReport => Report ?? throw new Xunit.Sdk.XunitException("no JSON report was written\n" + Describe());

    public string Describe() =>
        (TimedOut ? "TIMED OUT (killed)" : $"exit code {ExitCode}") + $" after {WallTime.TotalSeconds:0.0} s"
        + $"\n--- stdout ---\n{StandardOutput.TrimEnd()}\n--- stderr ---\n{StandardError.TrimEnd()}";
}
