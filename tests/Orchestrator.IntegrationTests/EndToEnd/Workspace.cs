using System.Globalization;
using System.Text;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>
/// One test's folder on the controller: its inventories, JSON reports, generated files and the TMPDIR the
/// program runs with (where its ssh control sockets live). Runs the real program against the lab.
/// </summary>
internal sealed class Workspace : IDisposable
{
    /// <summary>Hard limit of one run; every scenario finishes in seconds.</summary>
    public static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private int runs;

    public Workspace(HostKitFixture lab)
    {
        Lab = lab;
        Folder = Directory.CreateTempSubdirectory("e2e-").FullName;
        TemporaryFolder = Directory.CreateDirectory(Path.Combine(Folder, "tmp")).FullName;
        InventoryPath = WriteInventory("inventory.yaml");
    }

    public HostKitFixture Lab { get; }

    public string Folder { get; }

    /// <summary>The program's TMPDIR.</summary>
    public string TemporaryFolder { get; }

    /// <summary>The lab's inventory (root on every host), the default for runs.</summary>
    public string InventoryPath { get; }

    public static string Scenario(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Scenarios", .. parts]);

    /// <summary>
    /// Writes an inventory of the lab's hosts like the fixture's (127.0.0.1, port, key, known_hosts), with
    /// per-host variables added or replaced (e.g. ansible_user, ansible_become_password).
    /// </summary>
    public string WriteInventory(string name, Func<LabHost, IReadOnlyDictionary<string, string>?>? overrides = null, string? knownHostsPath = null)
    {
        var yaml = new StringBuilder("all:\n  hosts:\n");
        foreach (var host in Lab.Hosts)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ansible_host"] = "127.0.0.1",
                ["ansible_port"] = host.Port.ToString(CultureInfo.InvariantCulture),
                ["ansible_user"] = "root",
                ["ansible_ssh_private_key_file"] = Lab.PrivateKeyPath,
                ["ansible_ssh_common_args"] = $"-o UserKnownHostsFile={knownHostsPath ?? Lab.KnownHostsPath} -o IdentitiesOnly=yes",
                ["cluster_address"] = host.Address,
            };
            foreach (var (key, value) in overrides?.Invoke(host) ?? new Dictionary<string, string>())
            {
                variables[key] = value;
            }

            yaml.Append("    ").Append(host.Name).Append(":\n");
            foreach (var (key, value) in variables)
            {
                var scalar = key == "ansible_port" ? value : System.Text.Json.JsonSerializer.Serialize(value);
                yaml.Append("      ").Append(key).Append(": ").Append(scalar).Append('\n');
            }
        }

        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    public string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Starts <c>orchestrate run PLAYBOOK -i INVENTORY --json-report FILE OPTIONS...</c>.</summary>
    public OrchestrateProcess Start(string playbook, IEnumerable<string>? options = null, string? inventory = null)
    {
        var report = Path.Combine(Folder, $"report-{Interlocked.Increment(ref runs)}.json");
        List<string> arguments = ["run", playbook, "-i", inventory ?? InventoryPath, "--json-report", report, .. options ?? []];
        return OrchestrateProcess.Start(arguments, RunLimit, report, TemporaryFolder);
    }

    public async Task<OrchestrateResult> RunAsync(string playbook, IEnumerable<string>? options = null, string? inventory = null)
    {
        using var run = Start(playbook, options, inventory);
        return await run.WaitForExitAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A socket a test wanted to see gone is still there; the test has said so already.
        }
    }
}
