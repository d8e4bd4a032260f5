namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>What a finished (or timed-out and killed) child process left behind.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, bool TimedOut)
{
    internal bool Succeeded => !TimedOut && ExitCode == 0;

    internal string Describe() =>
        (TimedOut ? "timed out" : $"exit code {ExitCode}") +
        $"\n--- stdout ---\n{StandardOutput.TrimEnd()}\n--- stderr ---\n{StandardError.TrimEnd()}";
}
