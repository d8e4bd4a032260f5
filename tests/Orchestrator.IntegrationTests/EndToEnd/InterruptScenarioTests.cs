using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// SIGTERM in the middle of a task: exit 99 (SPEC §2), the JSON report is still written, no task starts after
/// it and the controller keeps no ssh process or control socket.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class InterruptScenarioTests(HostKitFixture lab) : IDisposable
{
    private const string Root = "/srv/e2e-interrupt";

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task An_interrupted_run_exits_99_with_its_report_and_closes_its_connections()
    {
        await lab.ResetAsync(Root);
        OrchestrateResult run;
        try
        {
            using var running = workspace.Start(Workspace.Scenario("unreachable", "playbook.yaml"), ["-e", "e2e_root=" + Root]);
            await RunProgress.WaitForMarkerAsync(lab, running, $"{Root}/started", [.. lab.Hosts.Select(h => h.Name)]);
            await running.TerminateAsync();
            run = await running.WaitForExitAsync();
        }
        finally
        {
            // The abandoned wait on the hosts ends (and its session folder goes) once the signal is there.
            foreach (var host in lab.Hosts)
            {
                await lab.RunAsync(host.Name, $"mkdir -p {Root} && touch {Root}/go");
            }
        }

        var report = Expect.Exit(run, 99);
        Assert.True(run.WallTime < TimeSpan.FromSeconds(60), run.Describe());
        Assert.Contains("Interrupted", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Tasks, t => t.Name == "copy after the wait");
        foreach (var host in lab.Hosts)
        {
            Assert.False(await lab.ExistsAsync(host.Name, $"{Root}/after.txt"), $"a task ran on {host.Name} after the interrupt");
        }

        var processes = await ControllerLeftovers.SshProcessesAfterAsync(workspace, TimeSpan.FromSeconds(2));
        Assert.True(processes.Count == 0, "ssh processes left on the controller:\n" + string.Join('\n', processes));
        Assert.Empty(ControllerLeftovers.TemporaryEntries(workspace));
    }

    public void Dispose() => workspace.Dispose();
}
