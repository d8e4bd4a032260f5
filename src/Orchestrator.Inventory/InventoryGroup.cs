using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>A group of the inventory with its direct members, in declaration order.</summary>
/// <param name="Location">The first place the group was declared; <see cref="SourceLocation.None"/> for an implicit group.</param>
public sealed record InventoryGroup(string Name, IReadOnlyList<string> Children, IReadOnlyList<string> Hosts, SourceLocation Location);
