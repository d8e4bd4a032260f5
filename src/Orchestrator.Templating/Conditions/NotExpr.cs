namespace Orchestrator.Templating.Conditions;

internal sealed record NotExpr(int Offset, Expr Operand) : Expr(Offset);
