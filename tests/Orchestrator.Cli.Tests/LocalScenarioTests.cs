using Orchestrator.Cli.Tests.Support;
using System.Text.Json;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// The engine end to end on the local connection against a temporary directory: handlers, loops, when,
/// register, block/rescue/always, serial batches, tags and check mode; each scenario run twice.
/// </summary>
public sealed class LocalScenarioTests : IDisposable
{
    private static readonly string Scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "local");
    private readonly string workspace = Directory.CreateTempSubdirectory("orchestrate-local-").FullName;

    public void Dispose() => Directory.Delete(workspace, recursive: true);

    [Fact]
    public async Task First_run_converges_and_second_run_reports_no_change()
    {
        var first = await RunAsync("first.json");
        Assert.True(first.ExitCode == 0, first.ToString());
        var recap = RunReport.Load(Report("first.json")).Recap;
        Assert.Equal(new Recap(Ok: 13, Changed: 9, Unreachable: 0, Failed: 0, Skipped: 1, Rescued: 1, Ignored: 0), recap["h1"]);
        Assert.Equal(new Recap(Ok: 12, Changed: 8, Unreachable: 0, Failed: 0, Skipped: 2, Rescued: 1, Ignored: 0), recap["h3"]);

        Assert.Equal("item beta on h2\n", File.ReadAllText(Path.Combine(workspace, "h2", "beta.txt")));
        Assert.Equal(
            "# managed by orchestrate\nhost=h3\ncolour=blue\nitem.0=alpha\nitem.1=beta\nitem.2=gamma\n",
            File.ReadAllText(Path.Combine(workspace, "h3", "app.conf")));
        Assert.Equal("rescued fails on purpose\n", File.ReadAllText(Path.Combine(workspace, "h1", "rescued.txt")));
        Assert.True(File.Exists(Path.Combine(workspace, "h1", "always.txt")));
        Assert.True(File.Exists(Path.Combine(workspace, "h1", "handler-items.txt")));
        Assert.True(File.Exists(Path.Combine(workspace, "h1", "handler-config.txt")));
        Assert.False(File.Exists(Path.Combine(workspace, "h1", "unreachable-step.txt")));
        Assert.False(File.Exists(Path.Combine(workspace, "h3", "web.txt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, ModeOf(Path.Combine(workspace, "h1", "app.conf")));

        var second = await RunAsync("second.json");
        Assert.True(second.ExitCode == 0, second.ToString());
        var rerun = RunReport.Load(Report("second.json")).Recap;
        Assert.All(rerun.Values, host => Assert.Equal(0, host.Changed));
        Assert.Equal(new Recap(Ok: 11, Changed: 0, Unreachable: 0, Failed: 0, Skipped: 1, Rescued: 1, Ignored: 0), rerun["h1"]);
    }

    [Fact]
    public async Task Serial_batches_become_plays_of_one_then_two_hosts()
    {
        var result = await RunAsync("serial.json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(Report("serial.json")));
        var batches = report.RootElement.GetProperty("plays").EnumerateArray()
            .Select(p => p.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()).ToList())
            .ToList();
        Assert.Equal([["h1"], ["h2", "h3"]], batches);
        var loopTask = report.RootElement.GetProperty("plays")[1].GetProperty("tasks").EnumerateArray()
            .First(t => t.GetProperty("name").GetString() == "one file per item");
        Assert.Equal("changed", loopTask.GetProperty("results").GetProperty("h2").GetProperty("status").GetString());
        Assert.Equal("copy", loopTask.GetProperty("module").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task With_or_without_become_the_same_tasks_converge_and_the_rerun_changes_nothing(bool become)
    {
        var mode = become ? "become" : "plain";
        var scenario = Path.Combine(AppContext.BaseDirectory, "Scenarios", "become");
        Task<CliResult> Run(string report) => CliRunner.RunAsync([
            "run", Path.Combine(scenario, "site.yaml"),
            "-i", Path.Combine(scenario, "inventory.yaml"),
            "-e", $"base_dir={workspace}",
            "-e", $"mode={mode}",
            "--json-report", Report(report),
            .. become ? new[] { "--become" } : [],
        ]);

        var first = await Run($"{mode}-1.json");
        var second = await Run($"{mode}-2.json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(5, RunReport.Load(Report($"{mode}-1.json")).Recap["b1"].Changed);
        Assert.Equal(0, RunReport.Load(Report($"{mode}-2.json")).Recap["b1"].Changed);
        Assert.Equal("key=value 'q' $HOME\n", File.ReadAllText(Path.Combine(workspace, mode, "small.conf")));
        Assert.Equal("JVMFLAGS=-Xmx1g\n", File.ReadAllText(Path.Combine(workspace, mode, "java.env")));
        Assert.Equal("env value 'x'", File.ReadAllText(Path.Combine(workspace, mode, "token")));
    }

    [Fact]
    public async Task Check_mode_reports_changes_and_changes_nothing_twice()
    {
        for (var round = 1; round <= 2; round++)
        {
            var result = await RunAsync($"check{round}.json", "--check");
            Assert.True(result.ExitCode == 0, result.ToString());
            var recap = RunReport.Load(Report($"check{round}.json")).Recap;
            Assert.True(recap["h1"].Changed > 0, result.ToString());
            Assert.DoesNotContain(Directory.GetFileSystemEntries(workspace), p => !p.EndsWith(".json", StringComparison.Ordinal));
            using var report = JsonDocument.Parse(File.ReadAllText(Report($"check{round}.json")));
            Assert.True(report.RootElement.GetProperty("check_mode").GetBoolean());
        }
    }

    [Fact]
    public async Task Tags_select_and_skip_tasks()
    {
        var skip = await RunAsync("skip.json", "--skip-tags", "extra");
        Assert.True(skip.ExitCode == 0, skip.ToString());
        Assert.False(File.Exists(Path.Combine(workspace, "h1", "extra.txt")));
        Assert.True(File.Exists(Path.Combine(workspace, "h1", "alpha.txt")));

        var only = await RunAsync("only.json", "--tags", "extra");
        Assert.True(only.ExitCode == 0, only.ToString());
        Assert.True(File.Exists(Path.Combine(workspace, "h1", "extra.txt")));
        var recap = RunReport.Load(Report("only.json")).Recap;
        // Only the tagged task runs: tasks left out by tags are not counted.
        Assert.Equal(new Recap(Ok: 1, Changed: 1, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), recap["h1"]);
    }

    [Fact]
    public async Task Console_output_has_ansible_shape()
    {
        var result = await RunAsync("console.json");
        Assert.Contains("PLAY [local scenario]", result.Output, StringComparison.Ordinal);
        Assert.Contains("TASK [config from template]", result.Output, StringComparison.Ordinal);
        Assert.Contains("RUNNING HANDLER [items changed]", result.Output, StringComparison.Ordinal);
        Assert.Contains("changed: [h1] => (item=alpha)", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipping: [h3]", result.Output, StringComparison.Ordinal);
        Assert.Contains("PLAY RECAP", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Output, StringComparison.Ordinal);
    }

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private string Report(string name) => Path.Combine(workspace, name);

    private Task<CliResult> RunAsync(string reportName, params string[] extra) =>
        CliRunner.RunAsync([
            "run", Path.Combine(Scenario, "site.yaml"),
            "-i", Path.Combine(Scenario, "inventory.yaml"),
            "-e", $"base_dir={workspace}",
            "--json-report", Report(reportName),
            .. extra,
        ]);
}
