using System.Diagnostics;
using Orchestrator.Core.Output;
using Orchestrator.Output.Report;

namespace Orchestrator.Output;

/// <summary>
/// Writes the SPEC §9 JSON report (--json-report FILE). The file is written atomically (temporary file in the
/// same folder, then a rename) when the run finishes; <see cref="Flush"/> writes what is known so far for a run
/// that failed or was interrupted. Thread-safe, so the CLI may flush from its Ctrl-C handler mid-run.
/// </summary>
public sealed class JsonReportObserver : IRunObserver
{
    private readonly Lock gate = new();
    private readonly List<ReportPlay> plays = [];
    private readonly List<string> warnings = [];
    private readonly Stopwatch clock = new();
    private string playbook = "";
    private bool checkMode;
    private ReportTask? currentTask;
    private RunFinished? finished;

    /// <param name="path">The report file; a relative path is resolved against the current directory now.</param>
    public JsonReportObserver(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The absolute path the report is written to.</summary>
    public string Path { get; }

    public void OnRunStarted(RunStarted run)
    {
        lock (gate)
        {
            playbook = run.PlaybookPath;
            checkMode = run.CheckMode;
            clock.Restart();
        }
    }

    public void OnPlayStarted(PlayStarted play)
    {
        lock (gate)
        {
            plays.Add(new ReportPlay(play.Name, [.. play.Hosts]));
            currentTask = null;
        }
    }

    public void OnTaskStarted(TaskStarted task)
    {
        lock (gate)
        {
            currentTask = new ReportTask(task);
            CurrentPlay().Tasks.Add(currentTask);
        }
    }

    public void OnHostResult(HostResult result)
    {
        lock (gate)
        {
            var entry = TaskOf(result.Task).For(result.Host);
            if (result.ItemLabel is null)
            {
                entry.Overall = result;
            }
            else
            {
                entry.Items.Add(result);
            }
        }
    }

    public void OnWarning(string message)
    {
        lock (gate)
        {
            warnings.Add(message);
        }
    }

    public void OnRunFinished(RunFinished run) => WriteNow(run);

    /// <summary>Writes the finished report (again, if called twice: the content is the same).</summary>
    public void WriteNow(RunFinished run)
    {
        ArgumentNullException.ThrowIfNull(run);
        lock (gate)
        {
            finished = run;
            Write();
        }
    }

    /// <summary>
    /// Writes the report as far as the run got, for a failed or interrupted run: "complete" is false, the
    /// duration is the time so far and the recap is counted from the results seen ("rescued" stays 0).
    /// After the run finished this rewrites the finished report; calling it again is harmless.
    /// </summary>
    public void Flush()
    {
        lock (gate)
        {
            Write();
        }
    }

    private void Write()
    {
        var document = finished is { } run
            ? new ReportDocument(playbook, checkMode, Milliseconds(run.Duration), plays, run.Recap, warnings, true, run.ExitCode)
            : new ReportDocument(playbook, checkMode, Milliseconds(clock.Elapsed), plays, RecapTally.Count(plays), warnings, false, null);
        AtomicFile.Write(Path, stream => ReportJson.Write(stream, document));
    }

    private static long Milliseconds(TimeSpan duration) => (long)Math.Round(duration.TotalMilliseconds);

    private ReportPlay CurrentPlay()
    {
        if (plays.Count == 0)
        {
            plays.Add(new ReportPlay("", []));
        }

        return plays[^1];
    }

    // Results arrive for the task last started; a record equal to an earlier task of the play still finds it.
    private ReportTask TaskOf(TaskStarted task)
    {
        if (currentTask is not null && currentTask.Source.Equals(task))
        {
            return currentTask;
        }

        var play = CurrentPlay();
        var known = play.Tasks.LastOrDefault(t => t.Source.Equals(task));
        if (known is not null)
        {
            return known;
        }

        var added = new ReportTask(task);
        play.Tasks.Add(added);
        return added;
    }
}
