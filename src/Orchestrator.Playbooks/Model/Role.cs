using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>A role as a play uses it: roles/NAME/{tasks,handlers,defaults,vars}/main.yaml beside the playbook.</summary>
/// <param name="Parameters">Variables given where the play lists the role (role params).</param>
/// <param name="Common">when/tags/become... written on the play's role entry; they apply to every role task.</param>
public sealed record Role(
    SourceLocation Location,
    RoleInfo Info,
    TaskCommon Common,
    IReadOnlyDictionary<string, object?> Parameters,
    IReadOnlyDictionary<string, object?> Defaults,
    IReadOnlyDictionary<string, object?> Vars,
    IReadOnlyList<TaskNode> Tasks,
    IReadOnlyList<ModuleTask> Handlers);
