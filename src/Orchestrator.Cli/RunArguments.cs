namespace Orchestrator.Cli;

/// <summary>The `run` verb's options after parsing.</summary>
internal sealed record RunArguments(string Playbook)
{
    public IReadOnlyList<string> Inventories { get; init; } = [];

    public string? Limit { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> SkipTags { get; init; } = [];

    public IReadOnlyList<string> ExtraVars { get; init; } = [];

    public bool Check { get; init; }

    public bool Diff { get; init; }

    public int Forks { get; init; } = 50;

    public string? User { get; init; }

    public string? PrivateKey { get; init; }

    public bool Become { get; init; }

    public bool ListHosts { get; init; }

    public bool ListTasks { get; init; }

    public bool SyntaxCheck { get; init; }

    public string? StartAtTask { get; init; }

    public string? JsonReport { get; init; }

    public string? VaultPasswordFile { get; init; }

    public int Verbosity { get; init; }
}
