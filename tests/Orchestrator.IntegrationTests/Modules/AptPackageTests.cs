using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>apt with the lab's orch-hello 1.0-1 and 1.1-1: pinned install, check mode, upgrade to latest, whole-system upgrades, removal.</summary>
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
        await PurgeAsync("orch-hello");

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
        Assert.False(await IsInstalledAsync("orch-hello"));
        Assert.False(await lab.ExistsAsync(Host, "/etc/orch-hello.conf"));
    }

    [Fact]
    public async Task Whole_system_upgrades_and_only_upgrade_take_the_newer_version_once()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);

        // upgrade: dist, then Ansible's name '*' with state latest: each from 1.0-1 to 1.1-1, once.
        foreach (var (mode, spec) in new[] { ("dist", ""), ("none", "*") })
        {
            await PurgeAsync("orch-hello", "orch-extra");
            Expect.Exit(await run.RunAsync("package.yaml", Package("orch-hello=1.0-1", "present", refresh: true)), 0);
            var upgrade = new Dictionary<string, string> { ["upgrade_mode"] = mode, ["package_spec"] = spec };

            var check = await run.RunAsync("upgrade.yaml", upgrade, "--check", "--diff");
            Expect.Exit(check, 0);
            // Other packages the lab installed may have newer versions too: the diff lists every package.
            Assert.Contains("\n-orch-hello 1.0-1\n", check.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("\n+orch-hello 1.1-1\n", check.StandardOutput, StringComparison.Ordinal);
            Assert.Equal("install ok installed 1.0-1", await VersionAsync());

            await RunTwiceAsync(run, "upgrade.yaml", upgrade, skipped: 1);
            Assert.Equal("install ok installed 1.1-1", await VersionAsync());
            Assert.False(await IsInstalledAsync("orch-extra"));
        }

        // only_upgrade: the installed package is upgraded, the missing one stays missing.
        await PurgeAsync("orch-hello");
        Expect.Exit(await run.RunAsync("package.yaml", Package("orch-hello=1.0-1", "present", refresh: false)), 0);
        await RunTwiceAsync(run, "upgrade.yaml", new() { ["upgrade_mode"] = "none", ["package_spec"] = "orch-hello,orch-extra" }, skipped: 1);
        Assert.Equal("install ok installed 1.1-1", await VersionAsync());
        Assert.False(await IsInstalledAsync("orch-extra"));
    }

    [Fact]
    public async Task A_deb_file_from_a_url_or_a_path_on_the_host_is_installed_once()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        Expect.Exit(await run.RunAsync("repository.yaml"), 0);
        var url = repo.Url + "/pool/main/orch-extra_1.0-1_all.deb";
        await lab.RunAsync(Host, "rm -rf /root/debs && mkdir /root/debs && python3 -c 'import sys, urllib.request as u; u.urlretrieve(sys.argv[1], \"/root/debs/orch-extra.deb\")' " + url);

        foreach (var source in new[] { url, "/root/debs/orch-extra.deb" })
        {
            await PurgeAsync("orch-extra");
            var variables = new Dictionary<string, string> { ["deb_source"] = source };
            var check = await run.RunAsync("deb.yaml", variables, "--check", "--diff");
            Expect.Exit(check, 0);
            Assert.Contains("-orch-extra absent\n+orch-extra 1.0-1\n", check.StandardOutput, StringComparison.Ordinal);

            await RunTwiceAsync(run, "deb.yaml", variables, skipped: 0);
            Assert.Contains("install ok installed 1.0-1", await lab.RunAsync(Host, "dpkg-query -W -f='${Status} ${Version}' orch-extra"), StringComparison.Ordinal);
        }

        // The downloaded copies (probe and install) are gone.
        Assert.Equal("", (await lab.RunAsync(Host, "ls /tmp/*.deb 2>/dev/null || true")).Trim());
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

    private static Task RunTwiceAsync(PackageWorkspace run, Dictionary<string, string> variables) =>
        RunTwiceAsync(run, "package.yaml", variables, skipped: 0);

    private static async Task RunTwiceAsync(PackageWorkspace run, string playbook, Dictionary<string, string> variables, int skipped)
    {
        var first = await run.RunAsync(playbook, variables);
        Expect.Exit(first, 0);
        Expect.Recap(first, run.Host, new HostRecap(1, 1, 0, 0, skipped, 0, 0));
        var second = await run.RunAsync(playbook, variables);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, [run.Host]);
    }

    private Task PurgeAsync(params string[] packages) =>
        lab.RunAsync(Host, "DEBIAN_FRONTEND=noninteractive apt-get -y -q purge " + string.Join(' ', packages) + " >/dev/null 2>&1 || true");

    /// <summary>dpkg has the package in any state but not-installed (config files left count as installed).</summary>
    private async Task<bool> IsInstalledAsync(string package) =>
        (await lab.RunAsync(Host, $"dpkg-query -W -f='${{Status}}' {package} 2>/dev/null | grep -v not-installed || true")).Trim().Length > 0;

    private async Task<string> VersionAsync() =>
        (await lab.RunAsync(Host, "dpkg-query -W -f='${Status} ${Version}' orch-hello")).Trim();
}
