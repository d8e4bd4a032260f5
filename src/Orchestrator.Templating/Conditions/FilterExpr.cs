namespace Orchestrator.Templating.Conditions;

/// <summary><c>target | filter(args)</c>, a small set of Jinja filters (see <see cref="ConditionFilters"/>).</summary>
internal sealed record FilterExpr(int Offset, Expr Target, string Filter, IReadOnlyList<Expr> Arguments) : Expr(Offset);
