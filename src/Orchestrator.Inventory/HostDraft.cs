using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>A host while inventory sources are being read.</summary>
internal sealed class HostDraft(string name, SourceLocation location, int order)
{
    public string Name { get; } = name;

    public SourceLocation Location { get; } = location;

    /// <summary>Position of the first declaration: inventory order.</summary>
    public int Order { get; } = order;

    /// <summary>Groups the host was declared in directly.</summary>
    public List<string> Groups { get; } = [];

    public VariableSet Variables { get; } = new();
}
