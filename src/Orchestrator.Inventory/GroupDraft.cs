using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>A group while inventory sources are being read; frozen into an <see cref="InventoryGroup"/> afterwards.</summary>
internal sealed class GroupDraft(string name, SourceLocation location)
{
    public string Name { get; } = name;

    public SourceLocation Location { get; set; } = location;

    public List<string> Children { get; } = [];

    public List<string> Parents { get; } = [];

    public List<string> Hosts { get; } = [];

    public VariableSet Variables { get; } = new();

    public int Priority { get; set; } = 1;
}
