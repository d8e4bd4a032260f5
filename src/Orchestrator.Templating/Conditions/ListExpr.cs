namespace Orchestrator.Templating.Conditions;

internal sealed record ListExpr(int Offset, IReadOnlyList<Expr> Items) : Expr(Offset);
