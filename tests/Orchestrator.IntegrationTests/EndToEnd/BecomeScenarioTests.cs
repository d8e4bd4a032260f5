using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Scenarios/become: h1 logs in as deploy (NOPASSWD sudo), h2 and h3 as deploy_pw whose sudo wants
/// ansible_become_password. Root-owned files through become; a wrong password fails that host, quickly and
/// clearly; the password never shows in any output, even at -vvv.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class BecomeScenarioTests(HostKitFixture lab) : IDisposable
{
    private const string Password = "sudo-secret-pw";
    private const string WrongPassword = "wrong-sudo-pw-7f3a";
    private const string Root = "/root/e2e-become";
    private const int Tasks = 10;

    private static readonly string Playbook = Workspace.Scenario("become", "playbook.yaml");

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task Become_with_and_without_a_sudo_password_writes_root_owned_files_and_reruns_clean()
    {
        await lab.ResetAsync(Root);
        var inventory = Inventory("become.yaml", _ => Password);

        var first = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root, "-vvv"], inventory);

        Expect.Exit(first, 0);
        foreach (var host in lab.Hosts.Select(h => h.Name))
        {
            // folder, copy, lineinfile and shell change; the rest reads (changed_when: false) or asserts.
            Expect.Recap(first, host, new HostRecap(Tasks, 4, 0, 0, 0, 0, 0));
            Assert.Equal("root:root 700 directory", await lab.StatAsync(host, Root));
            Assert.Equal("root:root 600 regular file", await lab.StatAsync(host, $"{Root}/owned-by-root.txt"));
            Assert.Equal($"written through sudo for {UserOf(host)}\n", await lab.ReadTextAsync(host, $"{Root}/owned-by-root.txt"));
            Assert.Equal("root:root 600 regular file", await lab.StatAsync(host, $"{Root}/settings.conf"));
            Assert.Equal("managed=yes\n", await lab.ReadTextAsync(host, $"{Root}/settings.conf"));
            Assert.Equal("0\n", await lab.ReadTextAsync(host, $"{Root}/uid"));
        }

        Assert.True(first.StandardError.Length > 10_000, "-vvv should log commands and ssh traffic for the secret check to mean something");
        AssertNoSecret(first, Password);

        var second = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + Root], inventory);
        Expect.Exit(second, 0);
        Expect.NothingChanged(second, lab.Hosts.Select(h => h.Name));
        AssertNoSecret(second, Password);
        foreach (var host in lab.Hosts)
        {
            // Nor was it left on a host (the session's askpass file is emptied after every request).
            Assert.Equal("", (await lab.RunAsync(host.Name, $"grep -rlF {Password} /tmp /home /root /var/tmp /var/log /run 2>/dev/null || true")).Trim());
        }
    }

    [Fact]
    public async Task A_wrong_sudo_password_fails_that_host_clearly_and_quickly()
    {
        const string root = "/root/e2e-become-wrong";
        await lab.ResetAsync(root);
        var inventory = Inventory("become-wrong.yaml", host => host == "h2" ? WrongPassword : Password);

        var run = await workspace.RunAsync(Playbook, ["-e", "e2e_root=" + root, "-vvv"], inventory);

        var report = Expect.Exit(run, 2);
        Assert.True(run.WallTime < TimeSpan.FromSeconds(60), $"a wrong password took {run.WallTime}\n{run.Describe()}");
        Expect.Recap(run, "h2", new HostRecap(1, 0, 0, 1, 0, 0, 0));
        Expect.Recap(run, "h1", new HostRecap(Tasks, 4, 0, 0, 0, 0, 0));
        Expect.Recap(run, "h3", new HostRecap(Tasks, 4, 0, 0, 0, 0, 0));
        var failure = report.Task("who runs with become").On("h2");
        Assert.Equal("failed", failure.Status);
        Assert.Contains("Incorrect sudo password", failure.Msg, StringComparison.Ordinal);
        Assert.Contains("fatal: [h2]: FAILED!", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Incorrect sudo password", run.StandardOutput, StringComparison.Ordinal);
        Assert.False(await lab.ExistsAsync("h2", root), "h2 went on after its become failed");
        Assert.True(await lab.ExistsAsync("h3", $"{root}/owned-by-root.txt"), run.Describe());
        AssertNoSecret(run, WrongPassword);
        AssertNoSecret(run, Password);
    }

    public void Dispose() => workspace.Dispose();

    private static string UserOf(string host) => host == "h1" ? "deploy" : "deploy_pw";

    private string Inventory(string name, Func<string, string> passwordOf) =>
        workspace.WriteInventory(name, host => host.Name == "h1"
            ? new Dictionary<string, string> { ["ansible_user"] = "deploy" }
            : new Dictionary<string, string> { ["ansible_user"] = "deploy_pw", ["ansible_become_password"] = passwordOf(host.Name) });

    private static void AssertNoSecret(OrchestrateResult run, string secret)
    {
        Assert.False(run.StandardOutput.Contains(secret, StringComparison.Ordinal), "the become password is in stdout");
        Assert.False(run.StandardError.Contains(secret, StringComparison.Ordinal), "the become password is in stderr");
        Assert.False(run.RequiredReport.Text.Contains(secret, StringComparison.Ordinal), "the become password is in the JSON report");
    }
}
