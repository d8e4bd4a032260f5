using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>service under systemd with the lab's orch-hello daemon: start+enable, stop, restart, check mode.</summary>
[Collection(HostKitCollection.Name)]
public sealed class ServiceTests(HostKitFixture lab)
{
    private const string Host = "h3";

    [Fact]
    public async Task Started_enabled_then_stopped_each_change_once_and_restarted_always_acts()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        Expect.Exit(await run.RunAsync("package.yaml", new Dictionary<string, string>
        {
            ["package_spec"] = "orch-hello",
            ["package_state"] = "present",
            ["refresh_lists"] = "false",
        }), 0);
        await lab.RunAsync(Host, "systemctl disable --now orch-hello.service 2>/dev/null; true");

        var started = Service("started", enabled: true);
        await RunTwiceAsync(run, started);
        Assert.Equal("active enabled", await StateAsync());
        var converged = await run.RunAsync("service.yaml", started, "--check", "--diff");
        Expect.Exit(converged, 0);
        Expect.Recap(converged, Host, new HostRecap(1, 0, 0, 0, 0, 0, 0));

        // Check mode on a changed variable: predicted, not done.
        var check = await run.RunAsync("service.yaml", Service("stopped", enabled: false), "--check");
        Expect.Exit(check, 0);
        Expect.Recap(check, Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        Assert.Equal("active enabled", await StateAsync());

        var pid = await MainPidAsync();
        var restarted = Service("restarted", enabled: true);
        foreach (var _ in new[] { 1, 2 })
        {
            var restart = await run.RunAsync("service.yaml", restarted);
            Expect.Exit(restart, 0);
            Expect.Recap(restart, Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
            var next = await MainPidAsync();
            Assert.NotEqual(pid, next);
            pid = next;
        }

        await RunTwiceAsync(run, Service("stopped", enabled: false));
        Assert.Equal("inactive disabled", await StateAsync());
        // systemd, not upstart: no .override file is ever written.
        Assert.False(await lab.ExistsAsync(Host, "/etc/init/orch-hello.override"));
    }

    [Fact]
    public async Task Asked_for_sysvinit_it_drives_the_init_script_and_its_rc_links()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        Expect.Exit(await run.RunAsync("package.yaml", new Dictionary<string, string>
        {
            ["package_spec"] = "orch-hello",
            ["package_state"] = "present",
            ["refresh_lists"] = "false",
        }), 0);
        await lab.RunAsync(Host, "systemctl disable --now orch-hello.service 2>/dev/null; /etc/init.d/orch-hello stop; update-rc.d orch-hello remove >/dev/null 2>&1; true");
        try
        {
            await RunTwiceAsync(run, Service("started", enabled: true), "sysvinit.yaml");
            Assert.Equal("0", (await lab.RunAsync(Host, "/etc/init.d/orch-hello status; echo $?")).Trim());
            Assert.Contains("S01orch-hello", await lab.RunAsync(Host, "ls /etc/rc2.d"), StringComparison.Ordinal);

            await RunTwiceAsync(run, Service("stopped", enabled: false), "sysvinit.yaml");
            Assert.NotEqual("0", (await lab.RunAsync(Host, "/etc/init.d/orch-hello status; echo $?")).Trim());
            var links = await lab.RunAsync(Host, "ls /etc/rc2.d");
            Assert.Contains("K01orch-hello", links, StringComparison.Ordinal);
            Assert.DoesNotContain("S01orch-hello", links, StringComparison.Ordinal);
        }
        finally
        {
            await lab.RunAsync(Host, "/etc/init.d/orch-hello stop; true");
        }
    }

    private static Dictionary<string, string> Service(string state, bool enabled) => new()
    {
        ["service_state"] = state,
        ["service_enabled"] = enabled ? "true" : "false",
    };

    private static async Task RunTwiceAsync(PackageWorkspace run, Dictionary<string, string> variables, string playbook = "service.yaml")
    {
        var first = await run.RunAsync(playbook, variables);
        Expect.Exit(first, 0);
        Expect.Recap(first, run.Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        var second = await run.RunAsync(playbook, variables);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, [run.Host]);
    }

    private async Task<string> StateAsync() =>
        string.Join(' ', (await lab.RunAsync(Host, "systemctl is-active orch-hello; systemctl is-enabled orch-hello; true")).Split('\n', StringSplitOptions.RemoveEmptyEntries));

    private async Task<string> MainPidAsync() => (await lab.RunAsync(Host, "systemctl show -p MainPID --value orch-hello")).Trim();
}
