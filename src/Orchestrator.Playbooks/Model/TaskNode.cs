using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>A task, block or include in a task list.</summary>
/// <param name="Location">Where the task's mapping starts (its "- " line).</param>
/// <param name="Role">The role the task comes from (shown as "role : task"), or null.</param>
public abstract record TaskNode(SourceLocation Location, TaskCommon Common, RoleInfo? Role)
{
    /// <summary>The display name: the task's name, or what the engine should show when it has none.</summary>
    public abstract string DisplayName { get; }
}
