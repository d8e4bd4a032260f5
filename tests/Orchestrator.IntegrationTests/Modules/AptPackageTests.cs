using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>apt with the lab's orch-hello 1.0-1 and 1.1-1: pinned install, check mode, upgrade to latest, removal.</summary>
[Collection(HostKitCollection.Name)]
public sealed class AptPackageTests(HostKitFixture lab)
{
    private const string Host = "h3";

    [Fact]
    public async Task A_pinned_version_is_installed_then_upgraded_to_latest_then_removed_each_once()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        await lab.RunAsync(Host, "DEBIAN_FRONTEND=noninteractive apt-get -y -q purge orch-hello >/dev/null 2>&1 || true");

        var pinned = Package("orch-hello=1.0-1", "present", refresh: false);
        await RunTwiceAsync(run, pinned);
        Assert.Equal("install ok installed 1.0-1", await VersionAsync());

        // Check mode with another pin: predicted and shown, not done.
        var check = await run.RunAsync("package.yaml", Package("orch-hello=1.1-1", "present", refresh: true), "--check", "--diff");
        Expect.Exit(check, 0);
        Expect.Recap(check, Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        Assert.Contains("-orch-hello 1.0-1\n+orch-hello 1.1-1\n", check.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("install ok installed 1.0-1", await VersionAsync());

        // A local edit of a conffile: the upgrade keeps it, never asks.
        await lab.RunAsync(Host, "echo 'greeting=local' >> /etc/orch-hello.conf");
        var latest = Package("orch-hello", "latest", refresh: true);
        await RunTwiceAsync(run, latest);
        Assert.Equal("install ok installed 1.1-1", await VersionAsync());
        Assert.Contains("greeting=local", await lab.ReadTextAsync(Host, "/etc/orch-hello.conf"), StringComparison.Ordinal);
        Assert.True(await lab.ExistsAsync(Host, "/etc/orch-hello.conf.dpkg-dist"));

        var converged = await run.RunAsync("package.yaml", latest, "--check", "--diff");
        Expect.Exit(converged, 0);
        Expect.Recap(converged, Host, new HostRecap(1, 0, 0, 0, 0, 0, 0));

        await RunTwiceAsync(run, Package("orch-hello", "absent", refresh: false));
        Assert.Equal("", (await lab.RunAsync(Host, "dpkg-query -W -f='${Status}' orch-hello 2>/dev/null | grep -v not-installed || true")).Trim());
        Assert.False(await lab.ExistsAsync(Host, "/etc/orch-hello.conf"));
    }

    [Fact]
    public async Task Apt_waits_for_a_dpkg_lock_another_process_holds()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        Expect.Exit(await run.RunAsync("extra.yaml", new Dictionary<string, string> { ["package_state"] = "absent" }), 0);
        await lab.RunAsync(Host, "rm -f /run/e2e-locked");

        // Another apt, as apt sees it: an fcntl lock on dpkg's frontend lock, held for a few seconds.
        var holder = lab.ExecAsync(Host,
            "python3 -c 'import fcntl, time; f = open(\"/var/lib/dpkg/lock-frontend\", \"w\"); fcntl.lockf(f, fcntl.LOCK_EX); open(\"/run/e2e-locked\", \"w\").close(); time.sleep(6)'");
        for (var attempt = 0; attempt < 50 && !await lab.ExistsAsync(Host, "/run/e2e-locked"); attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(await lab.ExistsAsync(Host, "/run/e2e-locked"), "the lock holder did not start");
        var install = await run.RunAsync("extra.yaml", new Dictionary<string, string> { ["package_state"] = "present" });

        Expect.Exit(install, 0);
        Expect.Recap(install, Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        Assert.True((await holder).Succeeded);
        Assert.True(install.WallTime > TimeSpan.FromSeconds(3), $"installed in {install.WallTime} while the lock was held for 6 s");
        Assert.Contains("install ok installed", await lab.RunAsync(Host, "dpkg-query -W -f='${Status}' orch-extra"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Package(string spec, string state, bool refresh) => new()
    {
        ["package_spec"] = spec,
        ["package_state"] = state,
        ["refresh_lists"] = refresh ? "true" : "false",
    };

    private static async Task RunTwiceAsync(PackageWorkspace run, Dictionary<string, string> variables)
    {
        var first = await run.RunAsync("package.yaml", variables);
        Expect.Exit(first, 0);
        Expect.Recap(first, run.Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        var second = await run.RunAsync("package.yaml", variables);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, [run.Host]);
    }

    private async Task<string> VersionAsync() =>
        (await lab.RunAsync(Host, "dpkg-query -W -f='${Status} ${Version}' orch-hello")).Trim();
}
