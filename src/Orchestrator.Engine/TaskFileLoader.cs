using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Parses and validates a task file reached by a dynamic include_tasks (the CLI wires the parser in).</summary>
public delegate IReadOnlyList<TaskNode> TaskFileLoader(string path, RoleInfo? role, SourceLocation includedFrom);
