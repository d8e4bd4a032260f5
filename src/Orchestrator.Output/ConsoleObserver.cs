using Orchestrator.Core.Output;
using Orchestrator.Output.Console;

namespace Orchestrator.Output;

/// <summary>
/// Human output in the shape of ansible-playbook's default callback: PLAY/TASK banners, one line per host,
/// diffs with --diff, warnings and the PLAY RECAP.
/// </summary>
public sealed class ConsoleObserver : IRunObserver, IDisposable
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly TextWriter writer;
    private readonly ConsoleOptions options;
    private readonly Lock gate = new();
    private readonly ProgressLine? progress;
    private readonly ITimer? timer;
    private readonly HashSet<string> warned = new(StringComparer.Ordinal);
    private readonly List<string> playHosts = [];
    private readonly HashSet<string> hostsOut = new(StringComparer.Ordinal);
    private readonly HashSet<string> hostsWithItems = new(StringComparer.Ordinal);
    private readonly HashSet<string> hostsWithItemDiffs = new(StringComparer.Ordinal);
    private bool checkMode;
    private bool diffMode;

    public ConsoleObserver(TextWriter writer, ConsoleOptions options)
        : this(writer, options, TimeProvider.System)
    {
    }

    internal ConsoleObserver(TextWriter writer, ConsoleOptions options, TimeProvider time)
    {
        this.writer = writer ?? throw new ArgumentNullException(nameof(writer));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        checkMode = options.CheckMode;
        diffMode = options.DiffMode;
        if (options.ShowProgress && options.Verbosity == 0)
        {
            progress = new ProgressLine(writer, time, options.ProgressDelay, options.Width);
            timer = time.CreateTimer(_ => Tick(), null, TickInterval, TickInterval);
        }
    }

    public void OnRunStarted(RunStarted run)
    {
        lock (gate)
        {
            checkMode = options.CheckMode || run.CheckMode;
            diffMode = options.DiffMode || run.DiffMode;
            if (options.Verbosity > 1)
            {
                WriteBanner($"PLAYBOOK: {Path.GetFileName(run.PlaybookPath)}");
            }

            if (checkMode)
            {
                WriteBanner("DRY RUN");
            }

            writer.Flush();
        }
    }

    public void OnPlayStarted(PlayStarted play)
    {
        lock (gate)
        {
            progress?.End();
            playHosts.Clear();
            playHosts.AddRange(play.Hosts);
            hostsOut.Clear();
            var name = play.Name.Trim();
            WriteBanner((name.Length == 0 ? "PLAY" : $"PLAY [{name}]") + CheckMarker());
            writer.Flush();
        }
    }

    public void OnTaskStarted(TaskStarted task)
    {
        lock (gate)
        {
            hostsWithItems.Clear();
            hostsWithItemDiffs.Clear();
            var prefix = task.IsHandler ? "RUNNING HANDLER" : "TASK";
            WriteBanner($"{prefix} [{TaskTitle(task)}]{CheckMarker()}");
            if (options.Verbosity >= 2 && task.Location.IsKnown)
            {
                WriteLine($"task path: {task.Location.File}:{task.Location.Line}", AnsiColour.Debug);
            }

            progress?.Begin(playHosts.Where(h => !hostsOut.Contains(h)));
            writer.Flush();
        }
    }

    public void OnHostResult(HostResult result)
    {
        lock (gate)
        {
            WriteDiff(result);
            if (result.IncludedFile is not null && result.Status == ResultStatus.Ok)
            {
                if (result.ItemLabel is not null)
                {
                    hostsWithItems.Add(result.Host);
                }

                if (!result.HasItems && (result.IncludedWith is not { Count: > 0 } together || together[0] == result.Host))
                {
                    var (text, colour) = HostLines.Included(result);
                    WriteLine(text, colour);
                }

                if (result.ItemLabel is null)
                {
                    NoteHostDone(result);
                }
            }
            else if (result.ItemLabel is not null)
            {
                hostsWithItems.Add(result.Host);
                var (text, colour) = HostLines.Item(result, options.Verbosity);
                WriteLine(text, colour);
            }
            else
            {
                var looped = result.HasItems || hostsWithItems.Contains(result.Host);
                if (HostLines.Task(result, options.Verbosity, looped) is var (text, colour))
                {
                    WriteLine(text, colour);
                }

                if (result.Ignored && result.Status is ResultStatus.Failed or ResultStatus.Unreachable)
                {
                    WriteLine("...ignoring", AnsiColour.Skip);
                }

                NoteHostDone(result);
            }

            writer.Flush();
        }
    }

    public void OnRetry(RetryNotice retry)
    {
        lock (gate)
        {
            WriteLine($"FAILED - RETRYING: [{retry.Host}]: {retry.TaskName} ({retry.RetriesLeft} retries left).", AnsiColour.Debug);
            writer.Flush();
        }
    }

    public void OnWarning(string message)
    {
        lock (gate)
        {
            var lines = TextWrap.Wrap($"[WARNING]: {message}", Columns);
            var text = string.Join('\n', lines);
            if (warned.Add(text))
            {
                WriteLine(text, AnsiColour.Warn);
                writer.Flush();
            }
        }
    }

    public void OnRunFinished(RunFinished run)
    {
        lock (gate)
        {
            progress?.End();
            timer?.Dispose();
            WriteBanner("PLAY RECAP");
            foreach (var (host, stats) in run.Recap.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                WriteLine(RecapLine.Format(host, stats, options.Colour), null);
            }

            WriteLine("", null);
            if (checkMode)
            {
                WriteBanner("DRY RUN");
            }

            writer.Flush();
        }
    }

    public void Dispose() => timer?.Dispose();

    /// <summary>Draws the progress line if a task has run long enough; the timer calls it every second.</summary>
    internal void Tick()
    {
        lock (gate)
        {
            progress?.Tick();
        }
    }

    private int Columns => Math.Max(79, options.Width - 1);

    private static string TaskTitle(TaskStarted task)
    {
        var name = task.Name.Trim();
        return name.Length > 0 ? name : task.Module;
    }

    private string CheckMarker() => checkMode ? " [CHECK MODE]" : "";

    private void NoteHostDone(HostResult result)
    {
        progress?.Reported(result.Host);
        if (!result.Ignored && result.Status is ResultStatus.Failed or ResultStatus.Unreachable)
        {
            hostsOut.Add(result.Host);
        }
    }

    private void WriteDiff(HostResult result)
    {
        if (!diffMode || string.IsNullOrEmpty(result.Diff) || result.Status != ResultStatus.Changed)
        {
            return;
        }

        // A loop's own result may repeat the diffs its items already showed.
        if (result.ItemLabel is null && hostsWithItemDiffs.Contains(result.Host))
        {
            return;
        }

        if (result.ItemLabel is not null)
        {
            hostsWithItemDiffs.Add(result.Host);
        }

        progress?.Clear();
        writer.Write(DiffText.Format(result.Diff, options.Colour));
    }

    private void WriteBanner(string title)
    {
        progress?.Clear();
        writer.Write(Banner.Format(title, options.Width));
    }

    private void WriteLine(string text, string? colour)
    {
        progress?.Clear();
        writer.Write(AnsiColour.Wrap(text, colour, options.Colour));
        writer.Write('\n');
    }
}
