using System.Diagnostics;
using System.Globalization;

namespace Orchestrator.Core.Diagnostics;

/// <summary>
/// Milestones of a run measured from the start of the process (not of Main), so that runtime start-up and
/// JIT are included: <c>startup: first command sent after N ms</c>. Shown at -vv, or on stderr whenever
/// ORCHESTRATE_TRACE_STARTUP=1 (for benchmarks that do not want -vv's other output). Each milestone is
/// reported once per process.
/// </summary>
public static class StartupTrace
{
    public const string EnvironmentVariable = "ORCHESTRATE_TRACE_STARTUP";

    private static readonly bool Forced = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";
    private static readonly HashSet<string> Reported = new(StringComparer.Ordinal);
    private static Action<string>? sink;

    /// <summary>Where milestones go at -vv (the diagnostics logger); without it only the variable shows them.</summary>
    public static void UseSink(Action<string>? verboseSink) => sink = verboseSink;

    public static bool IsEnabled => Forced || sink is not null;

    /// <summary>Reports <paramref name="milestone"/> once, as "startup: MILESTONE after N ms".</summary>
    public static void Mark(string milestone)
    {
        if (!IsEnabled)
        {
            return;
        }

        lock (Reported)
        {
            if (!Reported.Add(milestone))
            {
                return;
            }
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"startup: {milestone} after {SinceProcessStart().TotalMilliseconds:0} ms");
        if (Forced)
        {
            Console.Error.WriteLine(line);
        }
        else
        {
            sink?.Invoke(line);
        }
    }

    // The kernel's start time has a resolution of one clock tick (10 ms): enough for a start-up budget.
    private static TimeSpan SinceProcessStart()
    {
        using var self = Process.GetCurrentProcess();
        return DateTime.Now - self.StartTime;
    }
}
