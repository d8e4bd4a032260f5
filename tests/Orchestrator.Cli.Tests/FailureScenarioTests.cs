using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>What a failure does to the rest of the run: failed hosts sit out, max_fail_percentage, any_errors_fatal.</summary>
public sealed class FailureScenarioTests : IDisposable
{
    private static readonly string[] AllHosts = ["h1", "h2", "h3", "h4"];
    private readonly ScenarioWorkspace scenario = new("failures");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Failed_host_is_left_out_of_the_rest_of_the_playbook_and_the_exit_code_is_2()
    {
        var run = await scenario.RepeatAsync(2, "failed-host.yaml", "-e", "{\"failing\": [\"h2\"]}");

        Assert.False(scenario.Exists("h2", "after.txt"));
        Assert.False(scenario.Exists("h2", "later.txt"));
        Assert.False(scenario.Exists("h2", "next.txt"));
        foreach (var host in new[] { "h1", "h3", "h4" })
        {
            Assert.True(scenario.Exists(host, "later.txt"), run.ToString());
            Assert.True(scenario.Exists(host, "next.txt"), run.ToString());
            Assert.Equal(new Recap(Ok: 4, Changed: 4, Unreachable: 0, Failed: 0, Skipped: 1, Rescued: 0, Ignored: 0), run.Recap[host]);
        }

        Assert.Equal(new Recap(Ok: 1, Changed: 1, Unreachable: 0, Failed: 1, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["h2"]);
        Assert.Equal(["h1", "h3", "h4"], run.Report!.Plays.Last().GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task Max_fail_percentage_equalled_lets_the_others_go_on()
    {
        var run = await scenario.RepeatAsync(2, "max-fail.yaml", "-e", "{\"failing\": [\"h1\"]}");

        Assert.False(scenario.Exists("h1", "after.txt"));
        Assert.All(AllHosts.Skip(1), host => Assert.True(scenario.Exists(host, "after.txt"), run.ToString()));
    }

    [Fact]
    public async Task Max_fail_percentage_exceeded_stops_the_play_for_every_host()
    {
        var run = await scenario.RepeatAsync(2, "max-fail.yaml", "-e", "{\"failing\": [\"h1\", \"h2\"]}");

        Assert.All(AllHosts, host => Assert.False(scenario.Exists(host, "after.txt"), run.ToString()));
        Assert.False(run.Report!.Ran("after the failures"));
        Assert.Equal(1, run.Recap["h1"].Failed);
        Assert.Equal(0, run.Recap["h3"].Failed);
    }

    [Fact]
    public async Task Max_fail_percentage_with_serial_is_counted_per_batch_and_stops_later_batches()
    {
        var run = await scenario.RepeatAsync(2, "serial-49.yaml", "-e", "{\"failing\": [\"h1\"]}");

        Assert.False(scenario.Exists("h2", "after.txt"));
        Assert.False(Directory.Exists(scenario.PathOf("h3")), run.ToString());
        Assert.False(run.Recap.ContainsKey("h3"), run.ToString());
        Assert.Single(run.Report!.Plays);
    }

    [Fact]
    public async Task Max_fail_percentage_with_serial_equalled_runs_every_batch()
    {
        var run = await scenario.RepeatAsync(2, "serial-50.yaml", "-e", "{\"failing\": [\"h1\"]}");

        Assert.All(AllHosts.Skip(1), host => Assert.True(scenario.Exists(host, "after.txt"), run.ToString()));
        Assert.Equal(2, run.Report!.Plays.Count());
    }

    [Fact]
    public async Task Any_errors_fatal_stops_the_play_and_the_playbook_for_all_hosts()
    {
        var run = await scenario.RepeatAsync(2, "any-errors-fatal.yaml", "-e", "{\"failing\": [\"h3\"]}");

        Assert.All(AllHosts, host => Assert.False(scenario.Exists(host, "after.txt"), run.ToString()));
        Assert.All(AllHosts, host => Assert.False(scenario.Exists(host, "next.txt"), run.ToString()));
        Assert.False(run.Report!.Ran("in the next play"));
        Assert.Equal(1, run.Recap["h3"].Failed);
    }

    [Fact]
    public async Task Rescued_failures_count_for_neither_max_fail_percentage_nor_any_errors_fatal()
    {
        var run = await scenario.ConvergeAsync("rescued.yaml", "-e", "{\"failing\": [\"h1\", \"h2\"]}");

        Assert.All(AllHosts, host => Assert.True(scenario.Exists(host, "after.txt"), run.ToString()));
        Assert.True(scenario.Exists("h1", "rescued.txt"));
        Assert.False(scenario.Exists("h3", "rescued.txt"));
        Assert.Equal(new Recap(Ok: 3, Changed: 3, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 1, Ignored: 0), run.Recap["h1"]);
    }

    [Fact]
    public async Task Unreachable_host_without_failures_exits_3_and_the_others_finish()
    {
        scenario.Inventory = "unreachable-inventory.yaml";

        var run = await scenario.RepeatAsync(3, "unreachable.yaml");

        Assert.True(scenario.Exists("h1-after.txt"), run.ToString());
        Assert.False(scenario.Exists("closed-after.txt"));
        Assert.Equal(new Recap(Ok: 0, Changed: 0, Unreachable: 1, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["closed"]);
        Assert.Equal("unreachable", run.Report!.Status("probe", "closed"));
        Assert.Contains("fatal: [closed]: UNREACHABLE!", run.Output, StringComparison.Ordinal);
    }
}
