using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>A task's raw module arguments by written name, and where each value is written.</summary>
internal sealed class ModuleArgumentSet
{
    public Dictionary<string, object?> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>The written arguments could not be read completely: missing-argument checks would only add noise.</summary>
    public bool Malformed { get; set; }

    public void Set(string name, object? value, SourceLocation location)
    {
        Values[name] = value;
        Locations[name] = location;
    }
}
