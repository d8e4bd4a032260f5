using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>A task mapping sorted into its keywords and its action (module, block, include_tasks or import_tasks).</summary>
internal sealed class TaskParts
{
    public TaskParts(YMapping mapping)
    {
        Mapping = mapping;
    }

    public YMapping Mapping { get; }

    public Dictionary<string, KeyValuePair<YScalar, YNode>> Keywords { get; } = new(StringComparer.Ordinal);

    public List<ModuleUse> Modules { get; } = [];

    /// <summary>block, rescue, always as written.</summary>
    public Dictionary<string, KeyValuePair<YScalar, YNode>> Sections { get; } = new(StringComparer.Ordinal);

    public KeyValuePair<YScalar, YNode>? Include { get; set; }

    public KeyValuePair<YScalar, YNode>? Import { get; set; }

    /// <summary>local_action: the module runs on the controller.</summary>
    public bool LocalAction { get; set; }

    /// <summary>An unknown key was already reported as an unknown module, so "no module" would be noise.</summary>
    public bool ReportedUnknownModule { get; set; }

    /// <summary>The action keys in written order, to name them when there are several.</summary>
    public List<YScalar> ActionKeys { get; } = [];

    public YNode? Keyword(string name) => Keywords.TryGetValue(name, out var entry) ? entry.Value : null;
}

/// <summary>A module key of a task: the key as written, its arguments, and the module's spec.</summary>
internal sealed record ModuleUse(YScalar Key, YNode Value, ModuleSpec Spec);
