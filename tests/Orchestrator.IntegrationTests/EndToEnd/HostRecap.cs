namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>One host's line of the recap, as the JSON report holds it.</summary>
internal sealed record HostRecap(int Ok, int Changed, int Unreachable, int Failed, int Skipped, int Rescued, int Ignored)
{
    public override string ToString() =>
        $"ok={Ok} changed={Changed} unreachable={Unreachable} failed={Failed} skipped={Skipped} rescued={Rescued} ignored={Ignored}";
}
