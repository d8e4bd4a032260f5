using Orchestrator.IntegrationTests.EndToEnd;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// playbooks/site.yaml on one converged 5-host lab, for one install method, through SPEC §7's promises: converge
/// (exit 0, every file and flag exactly as expected, one ZooKeeper leader, /master/health everywhere); rerun
/// (zero changed on every host); an attribute change (only the agents restart, one at a time); --check --diff
/// with a new cluster name (exactly that diff, nothing changes); the new cluster name for real (only the
/// masters restart, one at a time, each healthy before the next).
/// </summary>
internal sealed class MesosRollout(MesosLab lab, string method, ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(15);

    private readonly string folder = Directory.CreateTempSubdirectory("mesos-e2e-").FullName;
    private readonly StandinClient client = new();
    private int runs;

    internal async Task RunAllAsync()
    {
        var inventory = MesosInventory.Initial(method);
        var state = new MesosStateChecks(lab, client);

        var first = await RunAsync(inventory);
        Expect.Exit(first, 0);
        await state.AssertConvergedAsync(new MesosExpectations(lab, inventory), method);

        var second = await RunAsync(inventory);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, MesosLab.AllHosts);

        // Agents: one more attribute each. Only the agents restart, one at a time.
        var zoned = inventory with
        {
            AgentAttributes = MesosLab.Agents.ToDictionary(
                a => a,
                a => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(inventory.AttributesOf(a)) { ["zone"] = "z1" }),
        };
        var (attributes, attributeWatch) = await WatchedRunAsync(zoned);
        Expect.Exit(attributes, 0);
        AssertRolled(attributes, attributeWatch, StandinClient.AgentPort, MesosLab.Agents);
        await state.AssertConvergedAsync(new MesosExpectations(lab, zoned), method);

        // --check --diff with a new cluster name: exactly that diff on the masters, and nothing changes.
        var renamed = zoned with { ClusterName = "lab-two" };
        var before = await state.SnapshotAsync(method);
        var (check, checkWatch) = await WatchedRunAsync(renamed, "--check", "--diff");
        var checkReport = Expect.Exit(check, 0);
        Assert.True(checkReport.CheckMode, "the report of a --check run says check_mode true");
        Assert.True(checkWatch.Restarted().Count == 0, "a --check run restarted something:\n" + checkWatch.Describe());
        AssertOnlyClusterNameDiff(check);
        Assert.Equal(before, await state.SnapshotAsync(method));

        // The new cluster name for real: only the masters restart, one at a time, each healthy before the next,
        // the leading master last (one election, not three).
        var leader = await state.LeadingMasterAsync(new MesosExpectations(lab, zoned));
        var (rename, renameWatch) = await WatchedRunAsync(renamed);
        Expect.Exit(rename, 0);
        AssertRolled(rename, renameWatch, StandinClient.MasterPort, MesosLab.Masters);
        Assert.True(renameWatch.Restarted()[^1].Host == leader, $"the leading master {leader} should restart last\n{renameWatch.Describe()}");
        await state.AssertConvergedAsync(new MesosExpectations(lab, renamed), method);
        if (method == "containers")
        {
            // Swarm on (Docker's API without TLS, on purpose): the manager on h1, the agents' dockerd on TCP, a warning.
            var swarm = await RunAsync(renamed with { Swarm = true });
            Expect.Exit(swarm, 0);
            Assert.True(swarm.StandardOutput.Contains("docker_insecure_tcp", StringComparison.Ordinal), "no warning about docker_insecure_tcp\n" + swarm.Describe());
            await SwarmChecks.AssertAsync(client, new MesosExpectations(lab, renamed));
            await state.AssertConvergedAsync(new MesosExpectations(lab, renamed), method);
        }

        log.WriteLine($"{method}: converge {first.WallTime.TotalSeconds:0} s, rerun {second.WallTime.TotalSeconds:0} s, " +
                      $"attributes {attributes.WallTime.TotalSeconds:0} s, check {check.WallTime.TotalSeconds:0} s, rename {rename.WallTime.TotalSeconds:0} s");
    }

    public void Dispose()
    {
        client.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private async Task<OrchestrateResult> RunAsync(MesosInventory inventory, params string[] options)
    {
        using var run = Start(inventory, options);
        var result = await run.WaitForExitAsync();
        log.WriteLine($"run {runs}: exit {result.ExitCode} in {result.WallTime.TotalSeconds:0} s");
        return result;
    }

    private async Task<(OrchestrateResult Result, RestartWatcher Watch)> WatchedRunAsync(MesosInventory inventory, params string[] options)
    {
        var watch = new RestartWatcher(client, WatchedServices());
        await watch.PollOnceAsync();
        using var run = Start(inventory, options);
        var completion = run.WaitForExitAsync();
        await watch.WatchAsync(completion);
        var result = await completion;
        log.WriteLine($"run {runs}: exit {result.ExitCode} in {result.WallTime.TotalSeconds:0} s\n{watch.Describe()}");
        return (result, watch);
    }

    private OrchestrateProcess Start(MesosInventory inventory, string[] options)
    {
        var number = Interlocked.Increment(ref runs);
        var inventoryPath = inventory.Write(lab, Path.Combine(folder, $"inventory-{number}.yaml"));
        var report = Path.Combine(folder, $"report-{number}.json");
        var playbook = Path.Combine(lab.RepositoryRoot, "playbooks", "site.yaml");
        List<string> arguments = ["run", playbook, "-i", inventoryPath, "--json-report", report, .. options];
        var temporary = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        return OrchestrateProcess.Start(arguments, RunLimit, report, temporary);
    }

    private IEnumerable<WatchedService> WatchedServices() =>
        MesosLab.Masters.SelectMany(m => new[]
        {
            new WatchedService(m, lab.Host(m).Address, StandinClient.MasterPort),
            new WatchedService(m, lab.Host(m).Address, StandinClient.MarathonPort),
        }).Concat(MesosLab.Agents.Select(a => new WatchedService(a, lab.Host(a).Address, StandinClient.AgentPort)));

    /// <summary>Exactly these hosts' services on that port restarted, one at a time, each in its own serial batch.</summary>
    private static void AssertRolled(OrchestrateResult result, RestartWatcher watch, int port, IReadOnlyList<string> hosts)
    {
        var restarted = watch.Restarted();
        Assert.True(
            restarted.All(s => s.Port == port) && restarted.Select(s => s.Host).Order(StringComparer.Ordinal).SequenceEqual(hosts),
            $"expected exactly {string.Join(", ", hosts)} (port {port}) to restart, got " +
            $"{string.Join(", ", restarted.Select(s => $"{s.Host}:{s.Port}"))}\n{watch.Describe()}\n{result.Describe()}");
        watch.AssertOneAtATime();
        var report = result.RequiredReport;
        foreach (var host in hosts)
        {
            var batch = report.Plays.Any(p => p.Hosts.Count == 1 && p.Hosts[0] == host && p.Tasks.Any(t => t.Results.GetValueOrDefault(host)?.Status == "changed"));
            Assert.True(batch, $"no serial batch of {host} alone with a change (the restart) in the report\n{result.Describe()}");
        }
    }

    /// <summary>Every diff of the check run is the cluster name's, once per master, and nothing else would change.</summary>
    private static void AssertOnlyClusterNameDiff(OrchestrateResult check)
    {
        var report = check.RequiredReport;
        var diffs = report.Tasks
            .SelectMany(t => t.Results.Where(r => !string.IsNullOrEmpty(r.Value.Diff)).Select(r => (Task: t.Name, Host: r.Key, Diff: r.Value.Diff!)))
            .ToList();
        Assert.True(
            diffs.Select(d => d.Host).Order(StringComparer.Ordinal).SequenceEqual(MesosLab.Masters),
            $"expected one diff per master, got {string.Join(", ", diffs.Select(d => $"{d.Host}: {d.Task}"))}\n{check.Describe()}");
        foreach (var (task, host, diff) in diffs)
        {
            var lines = diff.Split('\n');
            var removed = lines.Where(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal)).Select(l => l[1..]).ToList();
            var added = lines.Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)).Select(l => l[1..]).ToList();
            var exactlyTheName = removed.Count == 1 && added.Count == 1 && removed[0].Contains("mesos", StringComparison.Ordinal)
                && removed[0].Replace("mesos", "lab-two", StringComparison.Ordinal) == added[0];
            Assert.True(exactlyTheName, $"{host}, task '{task}': the diff should change only the cluster name:\n{diff}");
        }

        foreach (var agent in MesosLab.Agents)
        {
            Assert.True(report.Recap.GetValueOrDefault(agent) is { Changed: 0, Failed: 0 }, $"{agent} would change in check mode\n{check.Describe()}");
        }
    }
}
