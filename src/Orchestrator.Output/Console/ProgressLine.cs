namespace Orchestrator.Output.Console;

/// <summary>
/// The "still running" status line of a slow task: drawn in place with carriage returns, erased before any
/// other output. Callers hold the console's lock around every method.
/// </summary>
internal sealed class ProgressLine
{
    private const int HostsShown = 4;

    private readonly TextWriter writer;
    private readonly TimeProvider time;
    private readonly TimeSpan delay;
    private readonly int width;
    private readonly List<string> pending = [];
    private DateTimeOffset startedAt;
    private bool running;
    private int shownLength;

    public ProgressLine(TextWriter writer, TimeProvider time, TimeSpan delay, int width)
    {
        this.writer = writer;
        this.time = time;
        this.delay = delay;
        this.width = width;
    }

    public void Begin(IEnumerable<string> hosts)
    {
        pending.Clear();
        pending.AddRange(hosts);
        startedAt = time.GetUtcNow();
        running = true;
    }

    public void Reported(string host) => pending.Remove(host);

    public void End() => running = false;

    public void Clear()
    {
        if (shownLength > 0)
        {
            writer.Write("\r" + new string(' ', shownLength) + "\r");
            shownLength = 0;
        }
    }

    public void Tick()
    {
        var elapsed = time.GetUtcNow() - startedAt;
        if (!running || pending.Count == 0 || elapsed < delay)
        {
            return;
        }

        var text = Describe(elapsed);
        Clear();
        writer.Write("\r" + text);
        writer.Flush();
        shownLength = text.Length;
    }

    private string Describe(TimeSpan elapsed)
    {
        var names = string.Join(", ", pending.Take(HostsShown));
        var more = pending.Count > HostsShown ? $" (+{pending.Count - HostsShown} more)" : "";
        var text = $"... still running after {(int)elapsed.TotalSeconds}s on: {names}{more}";
        var limit = Math.Max(10, width - 1);
        return text.Length > limit ? text[..(limit - 3)] + "..." : text;
    }
}
