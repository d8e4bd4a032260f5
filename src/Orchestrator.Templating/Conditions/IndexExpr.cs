namespace Orchestrator.Templating.Conditions;

/// <summary><c>target[index]</c> where index is an expression (<c>hostvars[inventory_hostname]</c>, <c>a[0]</c>).</summary>
internal sealed record IndexExpr(int Offset, Expr Target, Expr Index) : Expr(Offset);
