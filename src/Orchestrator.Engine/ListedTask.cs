using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>A task --list-tasks shows, with the tags it is selected by (its own and those it inherits, unsorted).</summary>
public sealed record ListedTask(TaskNode Task, IReadOnlyList<string> Tags);
