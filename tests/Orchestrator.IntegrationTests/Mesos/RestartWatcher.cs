using System.Diagnostics;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// Polls GET /standin of a set of services while a run is in progress and keeps, per service, when it answered
/// with which start time (or did not answer). From that it tells which services restarted and whether the
/// restarts were one at a time: B's old process still answered after A's new one had answered, for every
/// consecutive pair, which is what "each healthy before the next" looks like from outside.
/// </summary>
internal sealed class RestartWatcher
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private const int MaxRounds = 20_000;

    private readonly StandinClient client;
    private readonly IReadOnlyList<WatchedService> services;
    private readonly Dictionary<WatchedService, List<(TimeSpan At, double? StartTime)>> seen = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    internal RestartWatcher(StandinClient client, IEnumerable<WatchedService> services)
    {
        this.client = client;
        this.services = services.ToList();
        foreach (var service in this.services)
        {
            seen[service] = [];
        }
    }

    /// <summary>Polls until <paramref name="until"/> completes (bounded by count and by the run's own limit).</summary>
    internal async Task WatchAsync(Task until)
    {
        for (var round = 0; round < MaxRounds && !until.IsCompleted; round++)
        {
            await PollOnceAsync();
            await Task.WhenAny(until, Task.Delay(Interval));
        }

        await PollOnceAsync();
    }

    internal async Task PollOnceAsync()
    {
        var states = await Task.WhenAll(services.Select(s => client.TryReadAsync(s.Address, s.Port)));
        var at = clock.Elapsed;
        for (var i = 0; i < services.Count; i++)
        {
            seen[services[i]].Add((at, states[i]?.StartTime));
        }
    }

    /// <summary>Services whose start time at the end differs from the first one seen, in the order they came back.</summary>
    internal IReadOnlyList<WatchedService> Restarted() => services
        .Where(s => First(s) is { } first && Last(s) is { } last && first != last)
        .OrderBy(s => FirstSeenWith(s, Last(s)!.Value))
        .ToList();

    /// <summary>Throws unless the restarted services went one at a time, each answering again before the next went down.</summary>
    internal void AssertOneAtATime()
    {
        var restarted = Restarted();
        for (var i = 1; i < restarted.Count; i++)
        {
            var previous = restarted[i - 1];
            var next = restarted[i];
            var previousBack = FirstSeenWith(previous, Last(previous)!.Value);
            var nextOldLastSeen = LastSeenWith(next, First(next)!.Value);
            if (nextOldLastSeen < previousBack)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{next.Host} went down (its old process last answered at {nextOldLastSeen.TotalSeconds:0.0} s) before " +
                    $"{previous.Host} was back (its new process first answered at {previousBack.TotalSeconds:0.0} s)\n{Describe()}");
            }
        }

        var rounds = seen.Values.Min(samples => samples.Count);
        var watched = services.Where(s => First(s) is not null).ToList();
        for (var round = 0; round < rounds; round++)
        {
            var down = watched.Where(s => seen[s][round].StartTime is null).Select(s => s.Host).ToList();
            if (down.Count > 1)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{string.Join(", ", down)} were down at the same moment ({seen[watched[0]][round].At.TotalSeconds:0.0} s)\n{Describe()}");
            }
        }
    }

    internal string Describe() => string.Join('\n', seen.Select(kv =>
        $"{kv.Key.Host}:{kv.Key.Port} " + string.Join(' ', Compress(kv.Value))));

    private double? First(WatchedService s) => seen[s].Select(x => x.StartTime).FirstOrDefault(t => t is not null);

    private double? Last(WatchedService s) => seen[s].Select(x => x.StartTime).LastOrDefault(t => t is not null);

    private TimeSpan FirstSeenWith(WatchedService s, double startTime) => seen[s].First(x => x.StartTime == startTime).At;

    private TimeSpan LastSeenWith(WatchedService s, double startTime) => seen[s].Last(x => x.StartTime == startTime).At;

    private static IEnumerable<string> Compress(List<(TimeSpan At, double? StartTime)> samples)
    {
        double? current = -1;
        foreach (var (at, start) in samples)
        {
            if (start != current)
            {
                current = start;
                yield return $"[{at.TotalSeconds:0.0}s: {(start is null ? "down" : start.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))}]";
            }
        }
    }
}
