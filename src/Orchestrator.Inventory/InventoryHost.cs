using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>A host of the inventory.</summary>
/// <param name="Location">The first place the host was declared.</param>
public sealed record InventoryHost(string Name, SourceLocation Location);
