using Orchestrator.IntegrationTests.HostKit;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>A host whose key changed since known_hosts recorded it is refused (unreachable, ssh's own words); the others run.</summary>
[Collection(HostKitCollection.Name)]
public sealed class HostKeyScenarioTests(HostKitFixture lab, ITestOutputHelper log) : IDisposable
{
    private const string Root = "/srv/e2e-hostkey";
    private const string Victim = "h3";
    private const int Tasks = 6;

    private static readonly string Playbook = Workspace.Scenario("unreachable", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    private static string[] Options => ["-e", "e2e_root=" + Root];

    [Fact]
    public async Task A_changed_host_key_is_refused_as_unreachable()
    {
        await lab.ResetAsync(Root);
        foreach (var host in lab.Hosts)
        {
            await lab.RunAsync(host.Name, $"mkdir -p {Root} && touch {Root}/go");
        }

        var listings = await Expect.HostListingsAsync(workspace);
        OrchestrateResult run;
        try
        {
            await lab.RegenerateHostKeyAsync(Victim);
            run = await workspace.RunAsync(Playbook, Options);
        }
        finally
        {
            // Later tests need the lab's known_hosts to match again.
            await lab.RescanHostKeyAsync(Victim);
        }

        var report = Expect.Exit(run, 3);
        var refused = report.Task("folder").On(Victim);
        log.WriteLine(refused.Msg);
        Assert.Equal("unreachable", refused.Status);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", refused.Msg, StringComparison.Ordinal);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", run.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@$"fatal: \[{Victim}\]: UNREACHABLE!", run.StandardOutput);
        Expect.Recap(run, Victim, new HostRecap(0, 0, 1, 0, 0, 0, 0));
        Assert.Equal(["go"], (await lab.RunAsync(Victim, $"ls -A {Root}")).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var host in new[] { "h1", "h2" })
        {
            Expect.Recap(run, host, new HostRecap(Tasks, 2, 0, 0, 0, 0, 0));
        }

        await Expect.NoLeftoversAsync(workspace, listings);

        // With known_hosts updated the host is accepted again.
        var rerun = await workspace.RunAsync(Playbook, Options);
        Expect.Exit(rerun, 0);
        Expect.Recap(rerun, Victim, new HostRecap(Tasks, 2, 0, 0, 0, 0, 0));
    }

    public void Dispose() => workspace.Dispose();
}
