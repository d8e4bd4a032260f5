namespace Orchestrator.Tests.Shared;

internal sealed record ProcessResult(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public string Output => System.Text.Encoding.UTF8.GetString(StandardOutput);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Output}\nstderr: {StandardError}";
}
