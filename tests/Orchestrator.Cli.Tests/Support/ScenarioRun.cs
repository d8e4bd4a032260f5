namespace Orchestrator.Cli.Tests.Support;

/// <summary>One run of a scenario: what the command printed and returned, and its JSON report.</summary>
internal sealed record ScenarioRun(CliResult Cli, RunReport? Report)
{
    public int ExitCode => Cli.ExitCode;

    public string Output => Cli.Output;

    public IReadOnlyDictionary<string, Recap> Recap => Report?.Recap ?? throw new InvalidOperationException("no report was written\n" + Cli);

    public void AssertExit(int expected) => Assert.True(Cli.ExitCode == expected, $"expected exit {expected}\n{this}");

    public override string ToString() => Cli + (Report is null ? "\n(no report)" : "\n--- report ---\n" + Report.Text);
}
