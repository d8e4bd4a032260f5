namespace Orchestrator.Playbooks.Model;

/// <summary>A parsed playbook: its plays in order, with import_playbook already expanded.</summary>
/// <param name="Path">The playbook file as given on the command line.</param>
public sealed record Playbook(string Path, IReadOnlyList<Play> Plays);
