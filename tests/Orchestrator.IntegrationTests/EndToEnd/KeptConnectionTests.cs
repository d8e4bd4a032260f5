using System.Text;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// Opt-in connection reuse across runs: with ControlPersist (and here a ControlPath) in ansible_ssh_common_args
/// the first run leaves one master per host running and the second run goes through the same masters instead
/// of connecting again. The test stops the masters it leaves.
/// </summary>
[Collection(HostKitCollection.Name)]
public sealed class KeptConnectionTests(HostKitFixture lab) : IDisposable
{
    private const string Playbook = """
        - name: kept connections
          hosts: all
          gather_facts: false
          tasks:
            - name: a file written over the kept connection
              copy: { dest: /tmp/orchestrate-kept-connection, content: "kept\n", mode: "0644" }
        """;

    private readonly Workspace workspace = new(lab);

    [Fact]
    public async Task A_second_run_reuses_the_masters_the_first_one_left_running()
    {
        var sockets = Directory.CreateDirectory(Path.Combine(workspace.Folder, "cm")).FullName;
        var inventory = workspace.WriteInventory(
            "kept.yaml",
            _ => new Dictionary<string, string>
            {
                ["ansible_ssh_common_args"] = $"-o UserKnownHostsFile={lab.KnownHostsPath} -o IdentitiesOnly=yes -o 'ControlPersist 30s' -oControlPath={sockets}/%C",
            });
        var playbook = workspace.WriteFile("kept-playbook.yaml", Encoding.UTF8.GetBytes(Playbook));
        try
        {
            Expect.Exit(await workspace.RunAsync(playbook, [], inventory), 0);
            var first = Masters(sockets);
            Assert.True(first.Count == lab.Hosts.Count, "masters after the first run:\n" + string.Join('\n', first));

            var rerun = await workspace.RunAsync(playbook, [], inventory);
            Expect.Exit(rerun, 0);
            Expect.NothingChanged(rerun, lab.Hosts.Select(h => h.Name));
            var second = Masters(sockets);
            Assert.Equal(first.OrderBy(p => p), second.OrderBy(p => p));
            Assert.Equal(lab.Hosts.Count, Directory.GetFileSystemEntries(sockets).Length);
        }
        finally
        {
            await StopAsync(sockets);
            foreach (var host in lab.Hosts)
            {
                await lab.RunAsync(host.Name, "rm -f /tmp/orchestrate-kept-connection");
            }
        }

        Assert.Empty(Masters(sockets));
    }

    public void Dispose() => workspace.Dispose();

    /// <summary>Masters' process titles are "ssh: SOCKET [mux]".</summary>
    private static List<string> Masters(string sockets)
    {
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim();
                if (commandLine.StartsWith("ssh: " + sockets + "/", StringComparison.Ordinal) && commandLine.EndsWith("[mux]", StringComparison.Ordinal))
                {
                    found.Add(Path.GetFileName(folder) + " " + commandLine);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    private static async Task StopAsync(string sockets)
    {
        foreach (var socket in Directory.GetFileSystemEntries(sockets))
        {
            // A literal ControlPath names the master; the destination is only what ssh's syntax wants.
            await ProcessRunner.RunAsync("ssh", ["-F", "/dev/null", "-o", "ControlPath=" + socket, "-O", "exit", "kept"], TimeSpan.FromSeconds(30));
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Masters(sockets).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
