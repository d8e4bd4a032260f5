namespace Orchestrator.Templating.Conditions;

internal sealed record LiteralExpr(int Offset, object? Value) : Expr(Offset);
