using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// While a run is in progress it holds an ssh master and a session per host (so the checks below can see
/// them); once it ends, none is left on the controller and no session folder or upload file on the hosts.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class ConnectionCleanupTests(HostKitFixture lab) : IDisposable
{
    private const string Root = "/srv/e2e-cleanup";

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task Connections_and_temporary_folders_are_gone_after_a_run()
    {
        await lab.ResetAsync(Root);
        var before = await Expect.HostListingsAsync(workspace);
        using var running = workspace.Start(Workspace.Scenario("unreachable", "playbook.yaml"), ["-e", "e2e_root=" + Root]);

        await RunProgress.WaitForMarkerAsync(lab, running, $"{Root}/started", [.. lab.Hosts.Select(h => h.Name)]);
        var during = ControllerLeftovers.SshProcesses(workspace);
        var controlFolders = ControllerLeftovers.ControlFolders(workspace);
        var sessionFolders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in lab.Hosts)
        {
            sessionFolders[host.Name] = await lab.RunAsync(host.Name, "ls -d /tmp/orch.* 2>/dev/null || true");
            await lab.RunAsync(host.Name, $"touch {Root}/go");
        }

        var run = await running.WaitForExitAsync();

        Expect.Exit(run, 0);
        Assert.True(during.Count >= lab.Hosts.Count, "the check cannot see the run's ssh processes:\n" + string.Join('\n', during));
        Assert.True(controlFolders.Count == lab.Hosts.Count, "control folders during the run:\n" + string.Join('\n', controlFolders));
        Assert.All(sessionFolders, folder => Assert.StartsWith("/tmp/orch.", folder.Value, StringComparison.Ordinal));
        await Expect.NoLeftoversAsync(workspace, before);
    }

    [Fact]
    public async Task Nothing_is_left_after_become_with_a_password_and_file_uploads()
    {
        await lab.ResetAsync("/root/e2e-cleanup");
        var before = await Expect.HostListingsAsync(workspace);
        var inventory = workspace.WriteInventory(
            "become.yaml",
            _ => new Dictionary<string, string> { ["ansible_user"] = "deploy_pw", ["ansible_become_password"] = "sudo-secret-pw" });

        var run = await workspace.RunAsync(Workspace.Scenario("become", "playbook.yaml"), ["-e", "e2e_root=/root/e2e-cleanup"], inventory);

        Expect.Exit(run, 0);
        await Expect.NoLeftoversAsync(workspace, before);
    }

    public void Dispose() => workspace.Dispose();
}
