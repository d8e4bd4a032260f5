using System.Diagnostics;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Modules.Waiting;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests.Waiting;

/// <summary>pause waits on the controller, touches no host, and gives way to Ctrl-C.</summary>
public sealed class PauseTests
{
    private readonly PauseModule pause = new();

    [Fact]
    public async Task A_timed_pause_waits_and_reports_ansibles_fields()
    {
        var host = new FakeHost();
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(pause, host, Args("seconds", 1L));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95));
        Assert.False(result.Failed || result.Changed);
        Assert.Equal(0, host.RoundTrips);
        // A loaded machine may wake the pause late: the figures say how long it really was.
        Assert.InRange((long)result.Data["delta"]!, 1L, 30L);
        Assert.Matches(@"^Paused for \d+(\.\d+)? seconds$", result.Stdout);
        Assert.EndsWith(" seconds", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$", (string)result.Data["start"]!);
    }

    [Fact]
    public async Task Cancelling_the_run_ends_the_pause_at_once()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var context = Context(pause, Args("minutes", 10L), new FakeHost());
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pause.PlanAsync(context, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_negative_time_fails()
    {
        var result = await RunAsync(pause, new FakeHost(), Args("seconds", -1L));

        Assert.True(result.Failed);
        Assert.Contains("positive number of seconds", result.Message, StringComparison.Ordinal);
    }
}
