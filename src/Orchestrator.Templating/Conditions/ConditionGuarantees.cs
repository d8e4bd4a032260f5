namespace Orchestrator.Templating.Conditions;

/// <summary>
/// The root names a condition proves defined when it holds (or, for <see cref="WhenFalse"/>, when it does not):
/// <c>x is defined</c>, either side of <c>and</c>, both sides of <c>or</c>, and any name a comparison or path
/// reads unguarded (it could not have evaluated otherwise). So <c>when: x is defined</c> lets the task use x.
/// </summary>
internal static class ConditionGuarantees
{
    public static HashSet<string> WhenTrue(Expr expression) => expression switch
    {
        LogicalExpr { Operator: LogicalOperator.And } logical => Union(WhenTrue(logical.Left), WhenTrue(logical.Right)),
        LogicalExpr logical => Intersection(WhenTrue(logical.Left), WhenTrue(logical.Right)),
        NotExpr not => WhenFalse(not.Operand),
        TestExpr { Test: "defined" or "undefined" } test => test.Test == "defined" != test.Negated ? Root(test.Target) : [],
        _ => Read(expression),
    };

    public static HashSet<string> WhenFalse(Expr expression) => expression switch
    {
        LogicalExpr { Operator: LogicalOperator.Or } logical => Union(WhenFalse(logical.Left), WhenFalse(logical.Right)),
        LogicalExpr logical => Intersection(WhenFalse(logical.Left), WhenFalse(logical.Right)),
        NotExpr not => WhenTrue(not.Operand),
        TestExpr { Test: "defined" or "undefined" } test => test.Test == "undefined" != test.Negated ? Root(test.Target) : [],
        _ => Read(expression),
    };

    /// <summary>Names an expression reads unguarded: evaluating it at all means they are defined.</summary>
    private static HashSet<string> Read(Expr expression) =>
        ConditionReferenceFinder.Find(expression).Where(r => !r.Guarded).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Root(Expr expression) => expression switch
    {
        NameExpr name => new HashSet<string>([name.Name], StringComparer.Ordinal),
        MemberExpr member => Root(member.Target),
        IndexExpr index => Root(index.Target),
        _ => [],
    };

    private static HashSet<string> Union(HashSet<string> left, HashSet<string> right)
    {
        left.UnionWith(right);
        return left;
    }

    private static HashSet<string> Intersection(HashSet<string> left, HashSet<string> right)
    {
        left.IntersectWith(right);
        return left;
    }
}
