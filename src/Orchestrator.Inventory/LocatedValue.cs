using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>A variable's value with the place it was defined, so later errors about it can point there.</summary>
internal readonly record struct LocatedValue(object? Value, SourceLocation Location);
