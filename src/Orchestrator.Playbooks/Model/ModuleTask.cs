using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>A task that runs one module.</summary>
/// <param name="Module">Canonical module name (an "ansible.builtin." prefix is stripped).</param>
/// <param name="Arguments">Raw (unrendered) arguments by their written name; free-form text is stored under the module's FreeFormArgument.</param>
/// <param name="ArgumentLocations">Where each argument's value is written, for located errors.</param>
public sealed record ModuleTask(
    SourceLocation Location,
    TaskCommon Common,
    RoleInfo? Role,
    string Module,
    IReadOnlyDictionary<string, object?> Arguments,
    IReadOnlyDictionary<string, SourceLocation> ArgumentLocations) : TaskNode(Location, Common, Role)
{
    public LoopSpec? Loop { get; init; }

    public string? Register { get; init; }

    /// <summary>Handler names or listen topics, templates allowed.</summary>
    public IReadOnlyList<string> Notify { get; init; } = [];

    public IReadOnlyList<Expression> ChangedWhen { get; init; } = [];

    public IReadOnlyList<Expression> FailedWhen { get; init; } = [];

    /// <summary>until: retried while not all true, up to <see cref="Retries"/> times (Ansible default 3) with <see cref="DelaySeconds"/> between.</summary>
    public IReadOnlyList<Expression> Until { get; init; } = [];

    public int Retries { get; init; } = 3;

    public double DelaySeconds { get; init; } = 5;

    /// <summary>Handlers only: the topics this handler also answers to.</summary>
    public IReadOnlyList<string> Listen { get; init; } = [];

    public override string DisplayName =>
        Common.Name is { } name ? (Role is null ? name : $"{Role.Name} : {name}") : (Role is null ? Module : $"{Role.Name} : {Module}");
}
