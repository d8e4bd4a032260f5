
namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>
/// A lab of real Debian hosts (systemd + sshd in Docker), started once per test collection by
/// tests/hostkit/hostkit.sh and removed on dispose. When Docker cannot be had the fixture fails
/// with the script's message: integration tests never skip silently.
/// </summary>
public sealed class HostKitFixture : IAsyncLifetime
{
    internal const int HostCount = 3;
    internal const string LabPrefix = "orch-it";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan EnsureDockerTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan BuildImageTimeout = TimeSpan.FromMinutes(45);
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ScriptStepTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SshTimeout = TimeSpan.FromSeconds(60);

    private IReadOnlyList<LabHost> _hosts = [];
    private MachineWideLock? _lock;

    public HostKitFixture()
    {
        RepositoryRoot = HostKit.RepositoryRoot.Find();
        ScriptPath = Path.Combine(RepositoryRoot, "tests", "hostkit", "hostkit.sh");
        // Its own state folder and container prefix, so a developer's hand-made lab in .lab/ survives test runs.
        StateDirectory = Path.Combine(RepositoryRoot, ".lab", "integration");
    }

    internal string RepositoryRoot { get; }

    internal string ScriptPath { get; }

    internal string StateDirectory { get; }

    internal string InventoryPath => Path.Combine(StateDirectory, "inventory.yaml");

    internal string PrivateKeyPath => Path.Combine(StateDirectory, "id_ed25519");

    internal string KnownHostsPath => Path.Combine(StateDirectory, "known_hosts");

    internal IReadOnlyList<LabHost> Hosts => _hosts;

    internal LabHost Host(string name) =>
        _hosts.FirstOrDefault(h => h.Name == name) ?? throw new ArgumentException($"no lab host '{name}'", nameof(name));

    public async Task InitializeAsync()
    {
        var lockPath = Path.Combine(Path.GetTempPath(), $"orchestrate-hostkit-{LabPrefix}.lock");
        _lock = await MachineWideLock.AcquireAsync(lockPath, LockTimeout);
        try
        {
            await RunScriptAsync(EnsureDockerTimeout, "ensure-docker");
            await RunScriptAsync(BuildImageTimeout, "build-image");
            await RunScriptAsync(UpTimeout, "up", HostCount.ToString(System.Globalization.CultureInfo.InvariantCulture), LabPrefix);
            _hosts = LabHost.ReadAll(Path.Combine(StateDirectory, "hosts.json"));
        }
        catch
        {
            await TryDownAsync();
            _lock.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunScriptAsync(ScriptStepTimeout, "down");
        }
        finally
        {
            _lock?.Dispose();
        }
    }

    /// <summary>Runs a shell command as root inside the host's container (docker exec, not ssh).</summary>
    internal Task<ProcessResult> ExecAsync(string host, string shellCommand, string? standardInput = null) =>
        ProcessRunner.RunAsync("docker", ["exec", "-i", Host(host).Container, "bash", "-c", shellCommand], SshTimeout, standardInput: standardInput);

    /// <summary>Runs a command over real ssh with the lab's key and known_hosts (or the one given).</summary>
    internal Task<ProcessResult> SshAsync(string host, string user, string remoteCommand, string? knownHostsPath = null) =>
        ProcessRunner.RunAsync("ssh", [.. SshArguments(host, user, knownHostsPath), "--", remoteCommand], SshTimeout);

    /// <summary>ssh's arguments up to and including user@127.0.0.1, for tests that run ssh (or the CLI) themselves.</summary>
    internal IReadOnlyList<string> SshArguments(string host, string user, string? knownHostsPath = null) =>
    [
        "-F", "none",
        "-o", "BatchMode=yes",
        "-o", "IdentitiesOnly=yes",
        "-o", "ConnectTimeout=10",
        "-o", "StrictHostKeyChecking=yes",
        "-o", $"UserKnownHostsFile={knownHostsPath ?? KnownHostsPath}",
        "-i", PrivateKeyPath,
        "-p", Host(host).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        $"{user}@127.0.0.1",
    ];

    internal Task StopSshdAsync(string host) => RunScriptAsync(ScriptStepTimeout, "stop-sshd", Host(host).Name);

    internal Task StartSshdAsync(string host) => RunScriptAsync(ScriptStepTimeout, "start-sshd", Host(host).Name);

    /// <summary>New host keys on the host; the lab's known_hosts keeps the old ones until <see cref="RescanHostKeyAsync"/>.</summary>
    internal Task RegenerateHostKeyAsync(string host) => RunScriptAsync(ScriptStepTimeout, "regen-hostkey", Host(host).Name);

    internal Task RescanHostKeyAsync(string host) => RunScriptAsync(ScriptStepTimeout, "rescan-hostkey", Host(host).Name);

    private async Task TryDownAsync()
    {
        try
        {
            await RunScriptAsync(ScriptStepTimeout, "down");
        }
        catch (InvalidOperationException)
        {
            // The start-up failure is the one worth reporting.
        }
    }

    private Task RunScriptAsync(TimeSpan timeout, params string[] arguments) =>
        KitScript.RunAsync(ScriptPath, StateDirectory, timeout, arguments);
}
