using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// What enclosing plays, roles, blocks and imports hand down to a task: accumulated conditions and tags,
/// and keywords a task may override (become, environment, ignore_errors...).
/// </summary>
internal sealed record TaskScope
{
    public IReadOnlyList<Expression> When { get; init; } = [];

    public IReadOnlyList<string> Tags { get; init; } = [];

    public bool? Become { get; init; }

    public string? BecomeUser { get; init; }

    /// <summary>Block, role-parameter and include variables, outermost first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Vars { get; init; } = [];

    /// <summary>Variables that differ per host (an include_tasks loop item), above the shared layers.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> PerHostVars { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>();

    public IReadOnlyDictionary<string, object?> Environment { get; init; } = new Dictionary<string, object?>();

    public bool? IgnoreErrors { get; init; }

    public bool? NoLog { get; init; }

    public bool? CheckMode { get; init; }

    public bool? RunOnce { get; init; }

    public bool? AnyErrorsFatal { get; init; }

    public string? DelegateTo { get; init; }

    /// <summary>A failure here is handed to an enclosing block's rescue.</summary>
    public bool Rescuable { get; init; }

    public bool IsHandler { get; init; }

    /// <summary>Keywords of a block, role entry or import apply to everything inside.</summary>
    public TaskScope Enter(TaskCommon common) => this with
    {
        When = common.When.Count == 0 ? When : [.. When, .. common.When],
        Tags = common.Tags.Count == 0 ? Tags : [.. Tags, .. common.Tags],
        Become = common.Become ?? Become,
        BecomeUser = common.BecomeUser ?? BecomeUser,
        Vars = common.Vars.Count == 0 ? Vars : [.. Vars, common.Vars],
        Environment = Merge(Environment, common.Environment),
        IgnoreErrors = common.IgnoreErrors ?? IgnoreErrors,
        NoLog = common.NoLog ?? NoLog,
        CheckMode = common.CheckMode ?? CheckMode,
        RunOnce = common.RunOnce ?? RunOnce,
        AnyErrorsFatal = common.AnyErrorsFatal ?? AnyErrorsFatal,
        DelegateTo = common.DelegateTo ?? DelegateTo,
    };

    public TaskScope WithVars(IReadOnlyDictionary<string, object?> vars) =>
        vars.Count == 0 ? this : this with { Vars = [.. Vars, vars] };

    private static IReadOnlyDictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> outer, IReadOnlyDictionary<string, object?> inner)
    {
        if (inner.Count == 0)
        {
            return outer;
        }

        var merged = new Dictionary<string, object?>(outer, StringComparer.Ordinal);
        foreach (var (key, value) in inner)
        {
            merged[key] = value;
        }

        return merged;
    }
}
