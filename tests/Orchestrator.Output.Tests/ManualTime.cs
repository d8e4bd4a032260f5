namespace Orchestrator.Output.Tests;

/// <summary>A clock the test moves by hand; its timers never fire (tests call the tick themselves).</summary>
internal sealed class ManualTime : TimeProvider
{
    private DateTimeOffset now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int TimersCreated { get; private set; }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        TimersCreated++;
        return new IdleTimer();
    }

    private sealed class IdleTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
