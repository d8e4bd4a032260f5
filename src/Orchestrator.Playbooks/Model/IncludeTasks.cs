using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>
/// include_tasks: dynamic, evaluated when reached (with its own when/loop).
/// When the file name has no template, the parser has already loaded and validated it into <see cref="Preloaded"/>.
/// </summary>
/// <param name="File">The file to include, possibly a template; relative to <paramref name="BaseDirectory"/>.</param>
public sealed record IncludeTasks(
    SourceLocation Location,
    TaskCommon Common,
    RoleInfo? Role,
    string File,
    string BaseDirectory) : TaskNode(Location, Common, Role)
{
    public LoopSpec? Loop { get; init; }

    public IReadOnlyList<TaskNode>? Preloaded { get; init; }

    public override string DisplayName => Common.Name ?? $"include_tasks {File}";
}
