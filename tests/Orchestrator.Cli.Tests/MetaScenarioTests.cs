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
    public async Task Notification_left_by_an_ended_play_does_not_reach_the_next_play()
    {
        var run = await scenario.ConvergeAsync("stale-notify.yaml");

        Assert.True(Directory.Exists(scenario.PathOf("h1")));
        Assert.False(scenario.Exists("h1", "marker-1.txt"), run.ToString());
        Assert.False(scenario.Exists("h1", "marker-2.txt"), run.ToString());
        Assert.False(run.Report!.Ran("write marker"));
    }
}
