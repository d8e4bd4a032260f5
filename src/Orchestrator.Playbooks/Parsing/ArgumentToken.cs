namespace Orchestrator.Playbooks.Parsing;

/// <summary>One word of free-form module arguments and where it sits in the written text.</summary>
internal sealed record ArgumentToken(string Text, int Start, int End);
