using System.Globalization;
using Orchestrator.IntegrationTests.HostKit;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>Scenarios/timing: ten everyday tasks on three hosts; prints what a run and a host-task cost (a figure, not an assertion).</summary>
[Collection(HostKitCollection.Name)]
public sealed class TimingScenarioTests(HostKitFixture lab, ITestOutputHelper log) : IDisposable
{
    private const string Root = "/srv/e2e-timing";
    private const int Tasks = 10;

    private static readonly string Playbook = Workspace.Scenario("timing", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task Ten_tasks_on_three_hosts_first_run_and_rerun()
    {
        await lab.ResetAsync(Root);
        var hostTasks = Tasks * lab.Hosts.Count;

        var first = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root]);
        Expect.Exit(first, 0);
        foreach (var host in lab.Hosts)
        {
            Expect.Recap(first, host.Name, new HostRecap(Tasks, 7, 0, 0, 0, 0, 0));
        }

        var rerun = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root]);
        Expect.Exit(rerun, 0);
        Expect.NothingChanged(rerun, lab.Hosts.Select(h => h.Name));

        log.WriteLine($"{Tasks} tasks x {lab.Hosts.Count} hosts = {hostTasks} host-tasks");
        log.WriteLine(Line("first run", first, hostTasks));
        log.WriteLine(Line("rerun", rerun, hostTasks));
    }

    public void Dispose() => workspace.Dispose();

    private static string Line(string what, OrchestrateResult run, int hostTasks)
    {
        var report = run.RequiredReport;
        var perResult = report.Tasks.SelectMany(t => t.Results.Values).Select(r => r.DurationMs).ToList();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: wall {run.WallTime.TotalMilliseconds:0} ms (process start included), report duration {report.DurationMs} ms, "
            + $"{(double)report.DurationMs / hostTasks:0.0} ms per host-task; per result: mean {perResult.Average():0.0} ms, max {perResult.Max()} ms");
    }
}
