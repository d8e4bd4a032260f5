namespace Orchestrator.Modules;

/// <summary>Before/after text of a changed file (or a state like "absent"/"directory"); the output layer renders the unified diff and masks secrets.</summary>
public sealed record FileDiff(string Path, string Before, string After);
