namespace Orchestrator.Templating.Conditions;

/// <param name="Offset">The operator's position (type errors point at it).</param>
internal sealed record CompareExpr(int Offset, CompareOperator Operator, Expr Left, Expr Right) : Expr(Offset);
