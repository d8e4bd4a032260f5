using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>Scenarios/facts: setup at play start; the facts match what the lab knows about each host.</summary>
[Collection(HostKitCollection.Name)]
public sealed class FactsScenarioTests(HostKitFixture lab) : IDisposable
{
    private const string Root = "/srv/e2e-facts";

    private static readonly string Playbook = Workspace.Scenario("facts", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task Gathered_facts_describe_the_hosts()
    {
        await lab.ResetAsync(Root);

        var first = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root]);

        var report = Expect.Exit(first, 0);
        foreach (var host in lab.Hosts)
        {
            // Gathering Facts, assert, folder and template.
            Expect.Recap(first, host.Name, new HostRecap(4, 2, 0, 0, 0, 0, 0));
            Assert.Equal("ok", report.Task("Gathering Facts").On(host.Name).Status);
            Assert.Equal(
                $"distribution=debian\ndistribution_release=bookworm\nservice_mgr=systemd\ndefault_ipv4={host.Address}\nhostname={host.Name}\n",
                await lab.ReadTextAsync(host.Name, $"{Root}/facts.conf"));
        }

        var rerun = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root]);
        Expect.Exit(rerun, 0);
        Expect.NothingChanged(rerun, lab.Hosts.Select(h => h.Name));
    }

    public void Dispose() => workspace.Dispose();
}
