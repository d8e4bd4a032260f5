using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Output;

public sealed record RunStarted(string PlaybookPath, bool CheckMode, bool DiffMode);

public sealed record PlayStarted(string Name, IReadOnlyList<string> Hosts);

/// <param name="Module">The module name, e.g. "template".</param>
public sealed record TaskStarted(string Name, string Module, SourceLocation Location, bool IsHandler);

/// <summary>
/// One host's result for a task (or for one loop item when <see cref="ItemLabel"/> is set).
/// Texts are already masked: observers never see a secret.
/// </summary>
public sealed record HostResult(string Host, TaskStarted Task, ResultStatus Status)
{
    public string Message { get; init; } = "";

    /// <summary>The module asked for its message not to be shown (assert's quiet); it is still registered.</summary>
    public bool Quiet { get; init; }

    public int? ReturnCode { get; init; }

    public string? Stdout { get; init; }

    public string? Stderr { get; init; }

    /// <summary>A unified diff of what changed (or would change in check mode), when diffs were requested.</summary>
    public string? Diff { get; init; }

    /// <summary>Set for a loop item's line ("(item=...)"); null for the task's overall result.</summary>
    public string? ItemLabel { get; init; }

    /// <summary>The task looped: its items were reported as lines of their own before this overall result.</summary>
    public bool HasItems { get; init; }

    /// <summary>A failure that ignore_errors turned into a non-fatal one.</summary>
    public bool Ignored { get; init; }

    /// <summary>An include_tasks' result: the file it brought in for this host (printed "included: FILE for HOST").</summary>
    public string? IncludedFile { get; init; }

    /// <summary>The hosts that included <see cref="IncludedFile"/> together (with the same item): one console line names them all.</summary>
    public IReadOnlyList<string>? IncludedWith { get; init; }

    public string? DelegatedTo { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The whole result as register would store it (for -v output), masked.</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}

/// <param name="RetriesLeft">Attempts still to come.</param>
public sealed record RetryNotice(string Host, string TaskName, int RetriesLeft);

public sealed record RunFinished(IReadOnlyDictionary<string, HostStats> Recap, TimeSpan Duration, int ExitCode);
