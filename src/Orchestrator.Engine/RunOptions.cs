namespace Orchestrator.Engine;

/// <summary>Switches of one run, from the command line.</summary>
public sealed record RunOptions
{
    public bool CheckMode { get; init; }

    public bool DiffMode { get; init; }

    public int Forks { get; init; } = 50;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> SkipTags { get; init; } = [];

    public string? Limit { get; init; }

    public string? StartAtTask { get; init; }

    /// <summary>Highest-precedence variables (-e).</summary>
    public IReadOnlyDictionary<string, object?> ExtraVars { get; init; } = new Dictionary<string, object?>();

    public string? DefaultUser { get; init; }

    public string? PrivateKeyFile { get; init; }

    /// <summary>--become: every task runs through sudo unless it says otherwise.</summary>
    public bool Become { get; init; }

    public int Verbosity { get; init; }

    /// <summary>The project folder whose top-level templates/ and files/ are searched last.</summary>
    public string? ProjectDirectory { get; init; }
}
