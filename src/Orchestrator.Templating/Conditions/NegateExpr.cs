namespace Orchestrator.Templating.Conditions;

/// <summary>Unary minus.</summary>
internal sealed record NegateExpr(int Offset, Expr Operand) : Expr(Offset);
