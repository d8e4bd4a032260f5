using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Model;

/// <summary>A condition or template text together with where it was written.</summary>
public sealed record Expression(string Text, SourceLocation Location);
