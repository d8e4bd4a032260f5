namespace Orchestrator.Templating.Conditions;

/// <summary>A node of a parsed condition; <see cref="Offset"/> is its position in the condition text, for errors.</summary>
internal abstract record Expr(int Offset);
