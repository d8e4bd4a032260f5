namespace Orchestrator.Templating.Conditions;

internal sealed record LogicalExpr(int Offset, LogicalOperator Operator, Expr Left, Expr Right) : Expr(Offset);
