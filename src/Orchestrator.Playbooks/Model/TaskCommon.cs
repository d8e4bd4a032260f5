namespace Orchestrator.Playbooks.Model;

/// <summary>Keywords every task-like node (module task, block, include) shares. Inherited from enclosing blocks at run time by the engine.</summary>
public sealed record TaskCommon
{
    public static readonly TaskCommon Empty = new();

    public string? Name { get; init; }

    /// <summary>All of them must hold.</summary>
    public IReadOnlyList<Expression> When { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool? Become { get; init; }

    public string? BecomeUser { get; init; }

    public IReadOnlyDictionary<string, object?> Vars { get; init; } = new Dictionary<string, object?>();

    public IReadOnlyDictionary<string, object?> Environment { get; init; } = new Dictionary<string, object?>();

    public bool? IgnoreErrors { get; init; }

    public bool? NoLog { get; init; }

    /// <summary>check_mode: true forces check mode for the task, false forces a real run even under --check.</summary>
    public bool? CheckMode { get; init; }

    /// <summary>Only "localhost" is supported (SPEC §4), or a template rendering to it.</summary>
    public string? DelegateTo { get; init; }

    public bool? RunOnce { get; init; }

    public bool? AnyErrorsFatal { get; init; }
}
