namespace Orchestrator.Modules.Text;

/// <param name="Content">The whole new text (the old text when nothing changed).</param>
/// <param name="Message">Ansible's words: "line added", "line replaced", "2 line(s) removed" or "".</param>
/// <param name="Found">How many lines state=absent removed (0 for state=present).</param>
internal sealed record LineEditOutcome(string Content, bool Changed, string Message, int Found = 0);
