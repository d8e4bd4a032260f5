namespace Orchestrator.Templating.Conditions;

/// <summary><c>target is [not] test</c>, e.g. <c>x is defined</c>, <c>result is changed</c>.</summary>
internal sealed record TestExpr(int Offset, Expr Target, string Test, bool Negated) : Expr(Offset);
