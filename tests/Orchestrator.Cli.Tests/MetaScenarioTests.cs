using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

public sealed class MetaScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("meta");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task End_play_ends_only_the_current_play()
    {
        var run = await scenario.ConvergeAsync("end-play.yaml");

        Assert.False(scenario.Exists("h1", "unreached.txt"));
        Assert.True(scenario.Exists("h1", "next.txt"), run.ToString());
        Assert.True(scenario.Exists("h2", "next.txt"), run.ToString());
        Assert.Equal(0, run.Recap["h1"].Failed);
    }

    [Fact]
    public async Task End_host_ends_the_play_for_that_host_only()
    {
        var run = await scenario.ConvergeAsync("end-host.yaml");

        Assert.False(scenario.Exists("h1", "rest.txt"));
        Assert.True(scenario.Exists("h2", "rest.txt"));
        Assert.True(scenario.Exists("h1", "next.txt"), run.ToString());
        Assert.Equal(0, run.Recap["h1"].Failed);
    }

    [Fact]
    public async Task End_batch_ends_each_batch_and_the_play_goes_on_with_the_next()
    {
        var run = await scenario.ConvergeAsync("end-batch.yaml");

        Assert.True(Directory.Exists(scenario.PathOf("h2")), run.ToString());
        Assert.False(scenario.Exists("h1", "unreached.txt"));
        Assert.False(scenario.Exists("h2", "unreached.txt"));
        Assert.True(scenario.Exists("h1", "next.txt"), run.ToString());
        Assert.True(scenario.Exists("h2", "next.txt"), run.ToString());
    }

    [Fact]
    public async Task Clear_host_errors_brings_a_failed_host_back_in_the_next_play()
    {
        var run = await scenario.RunAsync("clear-host-errors.yaml");

        run.AssertExit(2);
        Assert.False(scenario.Exists("h1", "rest.txt"));
        Assert.True(scenario.Exists("h2", "rest.txt"));
        Assert.True(scenario.Exists("h1", "next.txt"), run.ToString());
        Assert.Equal(1, run.Recap["h1"].Failed);
    }

    [Fact]
    public async Task Reset_connection_runs_the_next_task_in_a_new_session()
    {
        var run = await scenario.RunAsync("reset-connection.yaml");

        run.AssertExit(0);
        Assert.NotEqual(scenario.Read("h1", "before.txt"), scenario.Read("h1", "after.txt"));
    }

    [Fact]
    public async Task Notification_left_by_an_ended_play_does_not_reach_the_next_play()
    {
        var run = await scenario.ConvergeAsync("stale-notify.yaml");

        Assert.True(Directory.Exists(scenario.PathOf("h1")));
        Assert.False(scenario.Exists("h1", "marker-1.txt"), run.ToString());
        Assert.False(scenario.Exists("h1", "marker-2.txt"), run.ToString());
        Assert.False(run.Report!.Ran("write marker"));
    }
}
