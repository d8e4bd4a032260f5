using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class MachineLockTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"orch-lock-test-{Guid.NewGuid():N}");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void A_held_lock_makes_the_next_taker_wait_and_then_fail_and_a_released_one_is_taken_at_once()
    {
        using (MachineLock.Take(path, TimeSpan.FromSeconds(1)))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var error = Assert.Throws<TimeoutException>(() => MachineLock.Take(path, TimeSpan.FromSeconds(1)));
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        }

        using var again = MachineLock.Take(path, TimeSpan.Zero);
    }
}
