namespace Orchestrator.Output;

/// <summary>How <see cref="ConsoleObserver"/> prints. The CLI decides colour and progress from the terminal.</summary>
public sealed record ConsoleOptions
{
    /// <summary>0 to 3 (-v, -vv, -vvv). 1: result dicts after " => "; 2: "task path:" lines; 3: indented dicts with invocation and diff keys.</summary>
    public int Verbosity { get; init; }

    /// <summary>ANSI colours; the CLI turns this on only for a terminal and when NO_COLOR is unset. Off means no escape code at all.</summary>
    public bool Colour { get; init; }

    /// <summary>Print each changed result's diff before its host line (--diff).</summary>
    public bool DiffMode { get; init; }

    /// <summary>A check-mode run (-C): banners carry " [CHECK MODE]" and a "DRY RUN" banner opens and closes the output.</summary>
    public bool CheckMode { get; init; }

    /// <summary>
    /// A status line for a task that runs longer than <see cref="ProgressDelay"/>, naming the hosts it still waits for.
    /// It is redrawn in place with carriage returns (no escape codes) and erased before the next output, so it is
    /// only for a terminal; the CLI should turn it on only for a terminal at verbosity 0.
    /// </summary>
    public bool ShowProgress { get; init; }

    public TimeSpan ProgressDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Terminal columns; banners end one column short of it, as Ansible's do (80 gives 80-character banners).</summary>
    public int Width { get; init; } = 80;
}
