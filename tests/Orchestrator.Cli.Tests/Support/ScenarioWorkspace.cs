namespace Orchestrator.Cli.Tests.Support;

/// <summary>
/// A scenario folder (Scenarios/NAME: playbooks and an inventory of local hosts) run in-process against a
/// temporary work folder passed as <c>-e base_dir=...</c>; every run writes its own JSON report.
/// </summary>
internal sealed class ScenarioWorkspace : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("orchestrate-scenario-").FullName;
    private int runs;

    public ScenarioWorkspace(string scenario)
    {
        Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario);
        Work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
    }

    /// <summary>The scenario's source folder (playbooks, inventory).</summary>
    public string Folder { get; }

    /// <summary>The base_dir the playbooks write to.</summary>
    public string Work { get; }

    public string Inventory { get; set; } = "inventory.yaml";

    public string PathOf(params string[] parts) => Path.Combine([Work, .. parts]);

    public bool Exists(params string[] parts) => File.Exists(PathOf(parts));

    public string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    /// <summary>Runs a playbook of the scenario; <paramref name="extra"/> are further command-line words.</summary>
    public async Task<ScenarioRun> RunAsync(string playbook, params string[] extra)
    {
        runs++;
        var report = Path.Combine(root, $"report-{runs}.json");
        var result = await CliRunner.RunAsync([
            "run", Path.Combine(Folder, playbook),
            "-i", Path.Combine(Folder, Inventory),
            "-e", $"base_dir={Work}",
            "--json-report", report,
            .. extra,
        ]);
        return new ScenarioRun(result, File.Exists(report) ? RunReport.Load(report) : null);
    }

    /// <summary>Runs the playbook twice: the first run must succeed, the second must succeed and change nothing.</summary>
    public Task<ScenarioRun> ConvergeAsync(string playbook, params string[] extra) => RepeatAsync(0, playbook, extra);

    /// <summary>Runs the playbook twice, both ending with <paramref name="exitCode"/>; the second run must change nothing.</summary>
    /// <returns>The first run.</returns>
    public async Task<ScenarioRun> RepeatAsync(int exitCode, string playbook, params string[] extra)
    {
        var first = await RunAsync(playbook, extra);
        first.AssertExit(exitCode);
        var second = await RunAsync(playbook, extra);
        second.AssertExit(exitCode);
        Assert.All(second.Recap, host => Assert.True(host.Value.Changed == 0, $"second run changed {host.Key}:\n{second}"));
        return first;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
