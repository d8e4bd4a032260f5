namespace Orchestrator.Playbooks.Model;

/// <summary>The role a task came from: its name and folder (for templates/ and files/ lookups).</summary>
public sealed record RoleInfo(string Name, string Directory);
