using Orchestrator.Templating.Rendering;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Conditions;

/// <summary>
/// Lists the variables a parsed condition reads, without evaluating it. A name tested anywhere with
/// <c>is defined</c>/<c>is undefined</c> is guarded at every use (the test is how a condition says "may be
/// missing", as in <c>x is defined and x.y</c>); the target of <c>| default(...)</c> is guarded where it is written.
/// </summary>
internal static class ConditionReferenceFinder
{
    public static List<FoundReference> Find(Expr expression)
    {
        var tested = new HashSet<string>(StringComparer.Ordinal);
        CollectTested(expression, tested);
        var found = new List<FoundReference>();
        Walk(expression, guarded: false, tested, found);
        return found;
    }

    private static void Walk(Expr expression, bool guarded, HashSet<string> tested, List<FoundReference> found)
    {
        switch (expression)
        {
            case NameExpr or MemberExpr or IndexExpr:
                WalkPath(expression, guarded, tested, found);
                break;
            case FilterExpr filter:
                Walk(filter.Target, guarded || filter.Filter is "default" or "d", tested, found);
                filter.Arguments.ToList().ForEach(argument => Walk(argument, false, tested, found));
                break;
            case TestExpr test:
                Walk(test.Target, guarded || test.Test is "defined" or "undefined", tested, found);
                break;
            default:
                foreach (var child in Children(expression))
                {
                    Walk(child, false, tested, found);
                }

                break;
        }
    }

    /// <summary>A path (<c>a.b[c].d</c>): its root name once, with the whole path; index expressions are read on their own.</summary>
    private static void WalkPath(Expr path, bool guarded, HashSet<string> tested, List<FoundReference> found)
    {
        var root = path;
        var indexes = new List<Expr>();
        while (root is MemberExpr or IndexExpr)
        {
            if (root is IndexExpr index)
            {
                indexes.Add(index.Index);
                root = index.Target;
            }
            else
            {
                root = ((MemberExpr)root).Target;
            }
        }

        if (root is NameExpr name)
        {
            found.Add(new FoundReference(name.Name, PathText(path), name.Offset, guarded || tested.Contains(name.Name)));
        }
        else
        {
            Walk(root, guarded, tested, found);
        }

        indexes.Reverse();
        indexes.ForEach(index => Walk(index, false, tested, found));
    }

    private static void CollectTested(Expr expression, HashSet<string> tested)
    {
        if (expression is TestExpr { Test: "defined" or "undefined" } test && RootName(test.Target) is { } name)
        {
            tested.Add(name);
        }

        foreach (var child in Children(expression))
        {
            CollectTested(child, tested);
        }
    }

    private static IEnumerable<Expr> Children(Expr expression) => expression switch
    {
        ListExpr list => list.Items,
        MemberExpr member => [member.Target],
        IndexExpr index => [index.Target, index.Index],
        NotExpr not => [not.Operand],
        NegateExpr negate => [negate.Operand],
        LogicalExpr logical => [logical.Left, logical.Right],
        CompareExpr compare => [compare.Left, compare.Right],
        TestExpr test => [test.Target],
        FilterExpr filter => [filter.Target, .. filter.Arguments],
        _ => [],
    };

    private static string? RootName(Expr expression) => expression switch
    {
        NameExpr name => name.Name,
        MemberExpr member => RootName(member.Target),
        IndexExpr index => RootName(index.Target),
        _ => null,
    };

    private static string PathText(Expr expression) => expression switch
    {
        NameExpr name => name.Name,
        MemberExpr member => PathText(member.Target) + "." + member.Member,
        IndexExpr { Index: LiteralExpr literal } index => PathText(index.Target) + "[" + ValueText.Display(literal.Value) + "]",
        IndexExpr index => PathText(index.Target) + "[" + (RootName(index.Index) ?? "...") + "]",
        _ => "(...)",
    };
}
