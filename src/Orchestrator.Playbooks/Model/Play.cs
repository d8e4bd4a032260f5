using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

public sealed record Play(SourceLocation Location, string Name, Expression Hosts, string BaseDirectory)
{
    public IReadOnlyDictionary<string, object?> Vars { get; init; } = new Dictionary<string, object?>();

    /// <summary>vars_files entries (possibly templates), relative to <see cref="BaseDirectory"/>; loaded by the engine per host when templated.</summary>
    public IReadOnlyList<Expression> VarsFiles { get; init; } = [];

    public bool GatherFacts { get; init; } = true;

    public bool? Become { get; init; }

    public string? BecomeUser { get; init; }

    /// <summary>serial batches; empty = all hosts in one batch. The last entry repeats.</summary>
    public IReadOnlyList<BatchSize> Serial { get; init; } = [];

    public double? MaxFailPercentage { get; init; }

    public bool AnyErrorsFatal { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Environment { get; init; } = new Dictionary<string, object?>();

    public bool? CheckMode { get; init; }

    public IReadOnlyList<TaskNode> PreTasks { get; init; } = [];

    public IReadOnlyList<Role> Roles { get; init; } = [];

    public IReadOnlyList<TaskNode> Tasks { get; init; } = [];

    public IReadOnlyList<TaskNode> PostTasks { get; init; } = [];

    /// <summary>The play's own handlers; role handlers are in each <see cref="Role"/>.</summary>
    public IReadOnlyList<ModuleTask> Handlers { get; init; } = [];
}
