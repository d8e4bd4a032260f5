using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>block/rescue/always. import_tasks is parsed into a block too (its keywords apply to every imported task).</summary>
public sealed record BlockTask(
    SourceLocation Location,
    TaskCommon Common,
    RoleInfo? Role,
    IReadOnlyList<TaskNode> Block,
    IReadOnlyList<TaskNode> Rescue,
    IReadOnlyList<TaskNode> Always) : TaskNode(Location, Common, Role)
{
    public override string DisplayName => Common.Name ?? "block";
}
