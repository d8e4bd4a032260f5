namespace Orchestrator.Templating.Conditions;

/// <summary>A variable: the first segment of a path.</summary>
internal sealed record NameExpr(int Offset, string Name) : Expr(Offset);
