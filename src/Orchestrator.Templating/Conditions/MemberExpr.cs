namespace Orchestrator.Templating.Conditions;

/// <summary><c>target.member</c>, <c>target['member']</c> or <c>target.0</c>.</summary>
internal sealed record MemberExpr(int Offset, Expr Target, string Member) : Expr(Offset);
