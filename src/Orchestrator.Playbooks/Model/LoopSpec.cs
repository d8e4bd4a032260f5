using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <param name="Items">A list (whose entries may hold templates) or a template string that renders to a list.</param>
/// <param name="FlattenOnce">with_items flattens nested lists one level; loop does not.</param>
/// <param name="Label">loop_control.label template, shown instead of the item.</param>
public sealed record LoopSpec(object? Items, SourceLocation Location, string LoopVar = "item", bool FlattenOnce = false, string? Label = null, string? IndexVar = null);
