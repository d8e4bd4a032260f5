using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>Command-line options of `orchestrate run` and task keywords they interact with.</summary>
public sealed class OptionScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("options");

    public void Dispose() => scenario.Dispose();

    [Theory]
    [InlineData("second marker")]
    [InlineData("sec*ker")]
    [InlineData("[s]econd marke?")]
    public async Task Start_at_task_skips_the_tasks_before_it(string start)
    {
        foreach (var host in new[] { "web1", "web2", "db1", "db2" })
        {
            Directory.CreateDirectory(scenario.PathOf(host));
        }

        var run = await scenario.ConvergeAsync("site.yaml", "--start-at-task", start);

        Assert.False(scenario.Exists("web1", "first.txt"));
        Assert.True(scenario.Exists("web1", "second.txt"));
        Assert.True(scenario.Exists("db2", "third.txt"));
        Assert.Equal(["second marker", "third marker"], run.Report!.TaskNames);
        Assert.Equal(new Recap(Ok: 2, Changed: 2, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["web1"]);
    }

    [Fact]
    public async Task Start_at_an_unknown_task_runs_nothing()
    {
        var run = await scenario.RunAsync("site.yaml", "--start-at-task", "no such task");

        Assert.Empty(Directory.GetFileSystemEntries(scenario.Work));
        Assert.Empty(run.Report!.TaskNames);
    }

    [Theory]
    [InlineData("web", "web1,web2")]
    [InlineData("db*", "db1,db2")]
    [InlineData("web:!web2", "web1")]
    [InlineData("all:&db", "db1,db2")]
    [InlineData("web1:db2", "db2,web1")]
    [InlineData("*1", "db1,web1")]
    public async Task Limit_restricts_the_hosts_with_patterns(string pattern, string expected)
    {
        var run = await scenario.ConvergeAsync("site.yaml", "--limit", pattern);

        Assert.Equal(expected, string.Join(",", run.Recap.Keys.Order(StringComparer.Ordinal)));
        Assert.Equal(expected, string.Join(",", Directory.GetDirectories(scenario.Work).Select(Path.GetFileName).Order(StringComparer.Ordinal)));
    }

    [Theory]
    [InlineData("nobody*")]
    [InlineData("web:&db")]
    public async Task Limit_matching_no_host_is_a_bad_option_and_runs_nothing(string pattern)
    {
        var run = await scenario.RunAsync("site.yaml", "--limit", pattern);

        // As ansible-playbook ("no hosts to target"): a typo in -l must not pass as a run that did nothing.
        run.AssertExit(5);
        Assert.Contains($"ERROR: --limit: host pattern '{pattern}' matches no host of the inventory", run.Cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PLAY [", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(scenario.Work));
    }

    [Fact]
    public async Task A_play_whose_hosts_match_nothing_is_skipped_with_a_warning()
    {
        var run = await scenario.RunAsync("unmatched-plays.yaml");

        run.AssertExit(0);
        Assert.Contains("[WARNING]: no hosts matched 'nobody*': skipping play", run.Output, StringComparison.Ordinal);
        Assert.Equal(["db1.txt", "db2.txt", "web1.txt", "web2.txt"], Directory.GetFileSystemEntries(scenario.Work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_play_the_limit_leaves_without_hosts_is_skipped_with_a_warning()
    {
        var run = await scenario.RunAsync("unmatched-plays.yaml", "--limit", "web1");

        run.AssertExit(0);
        Assert.Contains("[WARNING]: no hosts matched 'db' with --limit web1: skipping play", run.Output, StringComparison.Ordinal);
        Assert.Contains("[WARNING]: no hosts matched 'nobody*' with --limit web1: skipping play", run.Output, StringComparison.Ordinal);
        Assert.Equal(["web1"], run.Recap.Keys);
        Assert.Equal(["web1.txt"], Directory.GetFileSystemEntries(scenario.Work).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Extra_vars_as_words_json_yaml_and_file_with_the_later_winning()
    {
        var file = scenario.PathOf("vars.yaml");
        File.WriteAllText(file, "d: from-file\nb: file-b\n");

        await scenario.ConvergeAsync("extra-vars.yaml",
            "-e", "a=1 b=words",
            "-e", "{\"b\": \"json\", \"c\": 3}",
            "-e", "c: yaml",
            "-e", "@" + file,
            "-e", "a='two words'");

        Assert.Equal("a=two words b=file-b c=yaml d=from-file\n", scenario.Read("extra.txt"));
    }

    [Fact]
    public async Task Delegated_task_runs_on_the_controller_with_the_host_variables()
    {
        scenario.Inventory = "remote-inventory.yaml";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await scenario.ConvergeAsync("delegate.yaml");

        Assert.Equal("for far1 in blue\n", scenario.Read("delegated-far1.txt"));
        Assert.Equal("localhost", run.Report!.Result("written on the controller", "far1").GetProperty("delegated_to").GetString());
        Assert.Contains("changed: [far1 -> localhost]", run.Output, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "the unroutable host was contacted");
    }

    [Fact]
    public async Task Check_mode_false_changes_under_check_and_check_mode_true_changes_nothing_without_it()
    {
        var checkRun = await scenario.RunAsync("check-mode.yaml", "--check");

        checkRun.AssertExit(0);
        Assert.Equal("forced\n", scenario.Read("forced.txt"));
        Assert.False(scenario.Exists("normal.txt"));
        Assert.False(scenario.Exists("pretend.txt"));
        Assert.Equal("changed", checkRun.Report!.Status("follows the command line", "web1"));

        var realRun = await scenario.RunAsync("check-mode.yaml");

        realRun.AssertExit(0);
        Assert.Equal("normal\n", scenario.Read("normal.txt"));
        Assert.False(scenario.Exists("pretend.txt"));
        Assert.Equal("changed", realRun.Report!.Status("only pretends even without --check", "web1"));
        Assert.Equal("ok", realRun.Report.Status("really changes even under --check", "web1"));
    }

    [Theory]
    [InlineData]
    [InlineData("-v")]
    [InlineData("-vvv")]
    public async Task No_log_hides_the_secret_from_console_and_report(params string[] verbosity)
    {
        const string secret = "TopSecretValue123";

        var run = await scenario.ConvergeAsync("no-log.yaml", ["-e", $"secret={secret}", .. verbosity]);

        Assert.Equal($"token={secret}\n", scenario.Read("secret.txt"));
        Assert.DoesNotContain(secret, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Report!.Text, StringComparison.Ordinal);
        Assert.Contains("no_log: true", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, run.Recap["web1"].Ignored);
        if (verbosity.Contains("-vvv"))
        {
            Assert.Contains("(hidden: no_log task)", run.Cli.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Debug_log_still_shows_the_commands_of_other_tasks()
    {
        var run = await scenario.RunAsync("extra-vars.yaml", "-vv", "-e", "a=1 b=2 c=3 d=VisibleValue");

        run.AssertExit(0);
        Assert.Contains("[debug]", run.Cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hidden: no_log", run.Cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_shows_a_unified_diff_in_the_console_and_the_report()
    {
        File.WriteAllText(scenario.PathOf("config.txt"), "keep\nold line\n");

        var run = await scenario.RunAsync("diff.yaml", "--diff");

        run.AssertExit(0);
        var path = scenario.PathOf("config.txt");
        var expected = $"--- before: {path}\n+++ after: {path}\n@@ -1,2 +1,2 @@\n keep\n-old line\n+new line\n";
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.Equal(expected, run.Report!.Result("rewrite the file", "web1").GetProperty("diff").GetString());

        var again = await scenario.RunAsync("diff.yaml", "--diff");

        Assert.DoesNotContain("+++ after", again.Output, StringComparison.Ordinal);
        Assert.Equal(0, again.Recap["web1"].Changed);
    }

    [Fact]
    public async Task Without_diff_no_diff_is_shown()
    {
        File.WriteAllText(scenario.PathOf("config.txt"), "keep\nold line\n");

        var run = await scenario.RunAsync("diff.yaml");

        run.AssertExit(0);
        Assert.DoesNotContain("+++ after", run.Output, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, run.Report!.Result("rewrite the file", "web1").GetProperty("diff").ValueKind);
    }
}
