using Orchestrator.IntegrationTests.HostKit;
using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Scenarios/modules: every host-changing module we own (copy, template, file, lineinfile, command, shell, raw,
/// stat, wait_for, set_fact, debug, assert) on the three hosts; run twice; check mode; check + diff.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class ModulesScenarioTests(HostKitFixture lab, ITestOutputHelper log) : IDisposable
{
    private const string Root = "/srv/e2e-modules";
    private const string CheckRoot = "/srv/e2e-modules-check";
    private const int Tasks = 17;

    private static readonly string Playbook = Workspace.Scenario("modules", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    private static string[] RootAt(string root) => ["-e", "e2e_root=" + root];

    [Fact]
    public async Task First_run_changes_the_hosts_and_the_second_changes_nothing()
    {
        await lab.ResetAsync(Root);

        var first = await workspace.RunAsync(Playbook, RootAt(Root));
        Expect.Exit(first, 0);
        foreach (var host in lab.Hosts)
        {
            // folder, two copies, template, link, touch, two lineinfile, command and shell (creates) change; the rest reads.
            Expect.Recap(first, host.Name, new HostRecap(Tasks, 10, 0, 0, 0, 0, 0));
            Expect.Status(first, "command guarded by removes (nothing to remove, so not run)", host.Name, "ok");
            Expect.Status(first, "raw read-only command", host.Name, "ok");
        }

        await AssertConvergedAsync();
        var stamps = await StampsAsync();

        var second = await workspace.RunAsync(Playbook, RootAt(Root));
        Expect.Exit(second, 0);
        foreach (var host in lab.Hosts)
        {
            Expect.Recap(second, host.Name, new HostRecap(Tasks, 0, 0, 0, 0, 0, 0));
        }

        // Not only reported unchanged: no file was rewritten or touched (same inode, same mtime).
        Assert.Equal(stamps, await StampsAsync());
        log.WriteLine($"first run {first.WallTime.TotalMilliseconds:0} ms, rerun {second.WallTime.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Check_and_diff_on_a_fresh_path_predict_changes_and_make_none()
    {
        await lab.ResetAsync(CheckRoot);

        var check = await workspace.RunAsync(Playbook, [.. RootAt(CheckRoot), "--check", "--diff"]);

        var report = Expect.Exit(check, 0);
        Assert.True(report.CheckMode, check.Describe());
        foreach (var host in lab.Hosts)
        {
            // command and shell (creates missing: they would run) are changed, as in Ansible 2.14; wait_for is
            // skipped (when: not ansible_check_mode); raw has check_mode: false and only reads.
            Expect.Recap(check, host.Name, new HostRecap(Tasks - 1, 10, 0, 0, 1, 0, 0));
            Expect.Status(check, "command guarded by creates", host.Name, "changed");
            Expect.Status(check, "command guarded by removes (nothing to remove, so not run)", host.Name, "ok");
            Expect.Status(check, "template", host.Name, "changed");
            Assert.False(await lab.ExistsAsync(host.Name, CheckRoot), $"check mode created {CheckRoot} on {host.Name}");
        }

        Assert.Contains("DRY RUN", check.StandardOutput, StringComparison.Ordinal);

        // Every file is new: its whole content is the diff, even where its folder does not exist yet.
        Assert.Contains("+hello from h2", report.Task("copy given content").On("h2").Diff ?? "", StringComparison.Ordinal);
        Assert.Contains("+listen=" + lab.Host("h3").Address, report.Task("template").On("h3").Diff ?? "", StringComparison.Ordinal);
        Assert.Contains("+port=8080", report.Task("lineinfile adds a line after another").On("h1").Diff ?? "", StringComparison.Ordinal);
        Assert.Contains("+hello from h1", check.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_and_diff_show_what_would_change_and_leave_the_host_alone()
    {
        await lab.ResetAsync(Root);
        Expect.Exit(await workspace.RunAsync(Playbook, RootAt(Root)), 0);
        await lab.RunAsync("h1", $"printf 'tampered\\n' > {Root}/copied.txt; sed -i 's/^port=8080$/port=1/' {Root}/settings.ini");

        var check = await workspace.RunAsync(Playbook, [.. RootAt(Root), "--check", "--diff"]);

        Expect.Exit(check, 0);
        Expect.Recap(check, "h1", new HostRecap(Tasks - 1, 2, 0, 0, 1, 0, 0));
        Expect.Recap(check, "h2", new HostRecap(Tasks - 1, 0, 0, 0, 1, 0, 0));
        Assert.Contains("-tampered", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("+hello from h1", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("-port=1", check.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("+port=8080", check.StandardOutput, StringComparison.Ordinal);
        var copyDiff = check.RequiredReport.Task("copy given content").On("h1").Diff;
        Assert.NotNull(copyDiff);
        Assert.Contains("-tampered", copyDiff, StringComparison.Ordinal);
        Assert.Contains("+hello from h1", copyDiff, StringComparison.Ordinal);
        Assert.Contains("+port=8080", check.RequiredReport.Task("lineinfile adds a line after another").On("h1").Diff ?? "", StringComparison.Ordinal);
        Assert.Null(check.RequiredReport.Task("copy given content").On("h2").Diff);
        Assert.Equal("tampered\n", await lab.ReadTextAsync("h1", $"{Root}/copied.txt"));
        Assert.Equal("name=h1\nport=1\n", await lab.ReadTextAsync("h1", $"{Root}/settings.ini"));

        // The real run repairs exactly those two files, and the one after it has nothing left to do.
        var repair = await workspace.RunAsync(Playbook, RootAt(Root));
        Expect.Recap(repair, "h1", new HostRecap(Tasks, 2, 0, 0, 0, 0, 0));
        var rerun = await workspace.RunAsync(Playbook, RootAt(Root));
        Expect.Exit(rerun, 0);
        Expect.NothingChanged(rerun, lab.Hosts.Select(h => h.Name));
    }

    public void Dispose() => workspace.Dispose();

    private async Task AssertConvergedAsync()
    {
        var staticFile = await File.ReadAllBytesAsync(Workspace.Scenario("modules", "files", "static.txt"));
        foreach (var host in lab.Hosts.Select(h => h.Name))
        {
            Assert.Equal("root:root 755 directory", await lab.StatAsync(host, Root));
            Assert.Equal($"hello from {host}\n", await lab.ReadTextAsync(host, $"{Root}/copied.txt"));
            Assert.Equal("root:root 640 regular file", await lab.StatAsync(host, $"{Root}/copied.txt"));
            Assert.Equal(staticFile, await lab.ReadFileAsync(host, $"{Root}/static.txt"));
            Assert.Equal(
                $"# rendered for {host}\nname=e2e-app\nlisten={lab.Host(host).Address}\npeer=alpha\npeer=beta\n",
                await lab.ReadTextAsync(host, $"{Root}/app.conf"));
            Assert.Equal("/etc/hostname", (await lab.RunAsync(host, $"readlink {Root}/hostname.link")).Trim());
            Assert.Equal("", await lab.ReadTextAsync(host, $"{Root}/touched"));
            Assert.Equal($"name={host}\nport=8080\n", await lab.ReadTextAsync(host, $"{Root}/settings.ini"));
            Assert.True(await lab.ExistsAsync(host, $"{Root}/made-by-command"));
            Assert.Equal($"{host}\n", await lab.ReadTextAsync(host, $"{Root}/made-by-shell"));
        }
    }

    private async Task<Dictionary<string, string>> StampsAsync()
    {
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in lab.Hosts.Select(h => h.Name))
        {
            stamps[host] = await lab.RunAsync(host, $"cd {Root} && stat -c '%n %i %Y %s %a %U' * .");
        }

        return stamps;
    }
}
