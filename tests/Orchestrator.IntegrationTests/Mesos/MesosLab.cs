using Orchestrator.IntegrationTests.HostKit;
using Orchestrator.IntegrationTests.Modules;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// Five lab hosts for the Mesos rollout (h1..h3: ZooKeeper, master and Marathon; h4, h5: agents) with the lab's
/// apt repository (stand-in mesos/marathon packages, Debian's zookeeperd) served and the Debian mirror set
/// aside, and for containers the stand-in images loaded into every host's own dockerd. Its own prefix, state
/// folder and machine-wide lock; removed on dispose. Fails (never skips) when Docker or a kit step fails.
/// </summary>
internal sealed class MesosLab : IAsyncDisposable
{
    internal const string Prefix = "orch-mesos";

    internal static readonly string[] Masters = ["h1", "h2", "h3"];
    internal static readonly string[] Agents = ["h4", "h5"];

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan LongStep = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan ShortStep = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(60);

    private readonly MachineWideLock machineLock;

    private MesosLab(MachineWideLock machineLock, string root, string state)
    {
        this.machineLock = machineLock;
        RepositoryRoot = root;
        StateDirectory = state;
    }

    internal string RepositoryRoot { get; }

    internal string StateDirectory { get; }

    internal IReadOnlyList<LabHost> Hosts { get; private set; } = [];

    internal AptRepo Repository { get; private set; } = new(new Dictionary<string, string>());

    internal string PrivateKeyPath => Path.Combine(StateDirectory, "id_ed25519");

    internal string KnownHostsPath => Path.Combine(StateDirectory, "known_hosts");

    internal static IEnumerable<string> AllHosts => [.. Masters, .. Agents];

    internal LabHost Host(string name) =>
        Hosts.FirstOrDefault(h => h.Name == name) ?? throw new ArgumentException($"no lab host '{name}'", nameof(name));

    internal static async Task<MesosLab> StartAsync(bool withImages)
    {
        var root = HostKit.RepositoryRoot.Find();
        var state = Path.Combine(root, ".lab", "mesos-it");
        var held = await MachineWideLock.AcquireAsync(Path.Combine(Path.GetTempPath(), $"orchestrate-hostkit-{Prefix}.lock"), LockTimeout);
        var lab = new MesosLab(held, root, state);
        try
        {
            await lab.KitAsync("hostkit.sh", LongStep, "ensure-docker");
            await lab.KitAsync("hostkit.sh", LongStep, "build-image");
            await lab.KitAsync("hostkit.sh", ShortStep * 3, "up", "5", Prefix);
            lab.Hosts = LabHost.ReadAll(Path.Combine(state, "hosts.json"));
            await lab.KitAsync("aptrepo/aptrepo.sh", LongStep, "build");
            await lab.KitAsync("aptrepo/aptrepo.sh", ShortStep, "serve");
            await lab.KitAsync("aptrepo/aptrepo.sh", ShortStep, ["isolate", .. AllHosts]);
            lab.Repository = AptRepo.Parse(Path.Combine(state, "aptrepo", "aptrepo.env"));
            if (withImages)
            {
                await lab.KitAsync("standins/images.sh", LongStep, ["load", .. AllHosts]);
            }

            return lab;
        }
        catch
        {
            await lab.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a shell command as root in the host's container (docker exec, not the program under test).</summary>
    internal async Task<string> ExecAsync(string host, string shellCommand)
    {
        var result = await ProcessRunner.RunAsync("docker", ["exec", "-i", Host(host).Container, "bash", "-c", shellCommand], ExecTimeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"on {host}: {shellCommand}\n{result.Describe()}");
        }

        return result.StandardOutput;
    }

    internal Task<ProcessResult> TryExecAsync(string host, string shellCommand) =>
        ProcessRunner.RunAsync("docker", ["exec", "-i", Host(host).Container, "bash", "-c", shellCommand], ExecTimeout);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KitAsync("hostkit.sh", ShortStep, "down");
        }
        catch (InvalidOperationException)
        {
            // A start-up failure is the one worth reporting; down is best effort here.
        }
        finally
        {
            machineLock.Dispose();
        }
    }

    private Task KitAsync(string script, TimeSpan timeout, params string[] arguments) =>
        KitScript.RunAsync(Path.Combine(RepositoryRoot, "tests", "hostkit", script), StateDirectory, timeout, arguments);
}
