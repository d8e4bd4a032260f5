using Orchestrator.IntegrationTests.HostKit;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Scenarios/unreachable: h2's sshd stopped before the run, and stopped (with its sessions killed) in the
/// middle of a task. h2 is reported unreachable, the others finish every task, exit code 3; once sshd is
/// back a rerun converges and the run after it changes nothing.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class UnreachableScenarioTests(HostKitFixture lab, ITestOutputHelper log) : IDisposable
{
    private const string Root = "/srv/e2e-unreachable";
    private const string Victim = "h2";
    private const int Tasks = 6;

    private static readonly string Playbook = Workspace.Scenario("unreachable", "playbook.yaml");
    private static readonly string[] Others = ["h1", "h3"];

    private readonly Workspace workspace = new(lab);

    private static string[] Options => ["-e", "e2e_root=" + Root];

    [Fact]
    public async Task A_host_whose_sshd_is_down_is_unreachable_and_the_others_finish()
    {
        await PrepareAsync(withGoSignal: true);
        var listings = await Expect.HostListingsAsync(workspace);
        OrchestrateResult run;
        try
        {
            await lab.StopSshdAsync(Victim);
            run = await workspace.RunAsync(Playbook, Options);
        }
        finally
        {
            await lab.StartSshdAsync(Victim);
        }

        var report = Expect.Exit(run, 3);
        log.WriteLine($"sshd down: {run.WallTime.TotalMilliseconds:0} ms; {report.Task("folder").On(Victim).Msg}");
        Expect.Recap(run, Victim, new HostRecap(0, 0, 1, 0, 0, 0, 0));
        Assert.Equal("unreachable", report.Task("folder").On(Victim).Status);
        Assert.Matches(@$"fatal: \[{Victim}\]: UNREACHABLE!", run.StandardOutput);
        Assert.Single(report.Tasks.SelectMany(t => t.Results), r => r.Key == Victim);
        foreach (var host in Others)
        {
            // The folder and the go signal exist already: copy and lineinfile are the changes.
            Expect.Recap(run, host, new HostRecap(Tasks, 2, 0, 0, 0, 0, 0));
        }

        await Expect.NoLeftoversAsync(workspace, listings);
        await AssertRerunsConvergeAsync(victimChanges: 2);
    }

    [Fact]
    public async Task A_host_lost_in_the_middle_of_a_task_is_unreachable_and_the_others_finish()
    {
        await PrepareAsync(withGoSignal: false);
        OrchestrateResult run;
        try
        {
            using var running = workspace.Start(Playbook, Options);
            await RunProgress.WaitForMarkerAsync(lab, running, $"{Root}/started", Victim);

            // sshd stopped and every session it had killed: for the controller the connection just drops.
            await lab.StopSshdAsync(Victim);
            await lab.RunAsync(Victim, "pkill -f '^sshd:' || true");
            foreach (var host in Others)
            {
                await lab.RunAsync(host, $"touch {Root}/go");
            }

            run = await running.WaitForExitAsync();
        }
        finally
        {
            // Also ends the orphaned wait loop on the victim, whose session is gone.
            await lab.RunAsync(Victim, $"mkdir -p {Root} && touch {Root}/go");
            await lab.StartSshdAsync(Victim);
        }

        var report = Expect.Exit(run, 3);
        var lost = report.Task("mark started, then wait for the go signal").On(Victim);
        log.WriteLine($"lost mid-task: {run.WallTime.TotalMilliseconds:0} ms; {lost.Msg}");
        Assert.Equal("unreachable", lost.Status);
        Expect.Recap(run, Victim, new HostRecap(1, 1, 1, 0, 0, 0, 0));
        Assert.Matches(@$"fatal: \[{Victim}\]: UNREACHABLE!", run.StandardOutput);
        foreach (var host in Others)
        {
            Expect.Recap(run, host, new HostRecap(Tasks, 3, 0, 0, 0, 0, 0));
            Assert.Equal($"after the wait on {host}\n", await lab.ReadTextAsync(host, $"{Root}/after.txt"));
        }

        Assert.False(await lab.ExistsAsync(Victim, $"{Root}/after.txt"), "the victim ran tasks after it was lost");
        var processes = await ControllerLeftovers.SshProcessesAfterAsync(workspace, TimeSpan.FromSeconds(2));
        Assert.True(processes.Count == 0, "ssh processes left on the controller:\n" + string.Join('\n', processes));
        await AssertRerunsConvergeAsync(victimChanges: 2);
    }

    public void Dispose() => workspace.Dispose();

    private async Task PrepareAsync(bool withGoSignal)
    {
        await lab.ResetAsync(Root);
        if (withGoSignal)
        {
            foreach (var host in lab.Hosts)
            {
                await lab.RunAsync(host.Name, $"mkdir -p {Root} && touch {Root}/go");
            }
        }
    }

    /// <summary>Polls (bounded) until the victim is inside the waiting task.</summary>

    private async Task AssertRerunsConvergeAsync(int victimChanges)
    {
        var converge = await workspace.RunAsync(Playbook, Options);
        Expect.Exit(converge, 0);
        Expect.Recap(converge, Victim, new HostRecap(Tasks, victimChanges, 0, 0, 0, 0, 0));
        foreach (var host in Others)
        {
            Expect.Recap(converge, host, new HostRecap(Tasks, 0, 0, 0, 0, 0, 0));
        }

        Assert.Equal($"after the wait on {Victim}\n", await lab.ReadTextAsync(Victim, $"{Root}/after.txt"));
        var rerun = await workspace.RunAsync(Playbook, Options);
        Expect.Exit(rerun, 0);
        Expect.NothingChanged(rerun, lab.Hosts.Select(h => h.Name));
    }
}
