using Orchestrator.IntegrationTests.EndToEnd;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>apt_key on a real host, through the real program: each key source, reruns, check mode, refusals.</summary>
[Collection(HostKitCollection.Name)]
public sealed class AptKeyTests(HostKitFixture lab)
{
    private const string Host = "h2";
    private static readonly string[] Keyrings = ["/etc/apt/keyrings/e2e-data.gpg", "/etc/apt/keyrings/e2e-url.gpg", "/etc/apt/keyrings/e2e-keyserver.gpg"];

    [Fact]
    public async Task Keys_from_data_url_and_keyserver_land_as_binary_keyrings_once()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        await lab.RunAsync(Host, "rm -f /etc/apt/keyrings/e2e-*.gpg");

        var first = await run.RunAsync("keys.yaml");
        Expect.Exit(first, 0);
        Expect.Recap(first, Host, new HostRecap(3, 3, 0, 0, 0, 0, 0));
        foreach (var keyring in Keyrings)
        {
            // What gpg --export gives: binary, only this key, readable by apt's _apt user.
            Assert.Equal(repo.BinaryKey, await lab.ReadFileAsync(Host, keyring));
            Assert.Equal("root:root 644 regular file", await lab.StatAsync(Host, keyring));
        }

        var second = await run.RunAsync("keys.yaml");
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, [Host]);

        var checkDiff = await run.RunAsync("keys.yaml", null, "--check", "--diff");
        Expect.Exit(checkDiff, 0);
        Expect.Recap(checkDiff, Host, new HostRecap(3, 0, 0, 0, 0, 0, 0));
        Assert.DoesNotContain("--- before", checkDiff.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_mode_with_other_keyrings_predicts_them_and_writes_nothing()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        await lab.RunAsync(Host, "rm -f /etc/apt/keyrings/e2e-*-other.gpg");

        var check = await run.RunAsync("keys.yaml", new Dictionary<string, string> { ["keyring_suffix"] = "-other" }, "--check", "--diff");

        Assert.True(Expect.Exit(check, 0).CheckMode);
        Expect.Recap(check, Host, new HostRecap(3, 3, 0, 0, 0, 0, 0));
        Assert.Contains("+" + repo.Fingerprint + " orchestrate lab repository <aptrepo@lab.invalid>", check.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", await lab.RunAsync(Host, "ls /etc/apt/keyrings | grep -- -other || true"));
    }

    [Fact]
    public async Task A_host_with_only_gnupg_fetches_from_the_keyserver_through_dirmngr()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);
        await lab.RunAsync(Host, "rm -f /etc/apt/keyrings/e2e-gpg-only.gpg");
        // No curl, wget or python3 on the path for the length of the run.
        await lab.RunAsync(Host, "for p in /usr/bin/curl /usr/bin/python3; do mv $p $p.e2e-off; done");
        OrchestrateResult result;
        try
        {
            result = await run.RunAsync("keyserver.yaml");
        }
        finally
        {
            await lab.RunAsync(Host, "for p in /usr/bin/curl /usr/bin/python3; do mv $p.e2e-off $p; done");
        }

        Expect.Exit(result, 0);
        Expect.Recap(result, Host, new HostRecap(1, 1, 0, 0, 0, 0, 0));
        Assert.Equal(repo.BinaryKey, await lab.ReadFileAsync(Host, "/etc/apt/keyrings/e2e-gpg-only.gpg"));
        // The throwaway GNUPGHOME's dirmngr was stopped with it.
        Assert.Equal("", (await lab.RunAsync(Host, "pgrep -a dirmngr || true")).Trim());
    }

    [Fact]
    public async Task Short_ids_and_keys_with_another_fingerprint_are_refused_and_nothing_is_installed()
    {
        var repo = await AptRepoKit.EnsureAsync(lab);
        using var run = new PackageWorkspace(lab, repo, Host);

        var result = await run.RunAsync("refused-keys.yaml");

        Expect.Exit(result, 0);
        Expect.Recap(result, Host, new HostRecap(3, 0, 0, 0, 0, 0, 3));
        var report = result.RequiredReport;
        Assert.Contains("short key id (8 hex digits)", report.Task("short id").On(Host).Msg, StringComparison.Ordinal);
        Assert.Contains($"not {repo.Fingerprint} (a wrong or tampered key is never installed)", report.Task("url serving another key").On(Host).Msg, StringComparison.Ordinal);
        Assert.Contains($"not {repo.LyingFingerprint}", report.Task("keyserver answering with another key").On(Host).Msg, StringComparison.Ordinal);
        Assert.All(report.Tasks, t => Assert.Equal("failed", t.On(Host).Status));
        Assert.Equal("", await lab.RunAsync(Host, "ls /etc/apt/keyrings | grep refused || true"));
    }
}
