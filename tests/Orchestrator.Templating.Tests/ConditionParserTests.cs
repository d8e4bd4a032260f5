using Orchestrator.Templating.Conditions;

namespace Orchestrator.Templating.Tests;

public sealed class ConditionParserTests
{
    [Theory]
    [InlineData("not a and b or c", "((not a and b) or c)")]
    [InlineData("a or b and c", "(a or (b and c))")]
    [InlineData("a and b and c", "((a and b) and c)")]
    [InlineData("not a == b", "not (a == b)")]
    [InlineData("not x is defined", "not x is defined")]
    [InlineData("x is not defined or x.y", "(x is not defined or x.y)")]
    [InlineData("a.b['c'][0].d", "a.b.c[0].d")]
    [InlineData("a[b.c]", "a[b.c]")]
    [InlineData("x not in [1, 'a']", "(x not in [1, 'a'])")]
    [InlineData("1 < n <= 3", "((1 < n) and (n <= 3))")]
    [InlineData("s | default('x') | length > 2", "(s|default('x')|length > 2)")]
    [InlineData("-n > -1.5", "(-n > -1.5)")]
    [InlineData("(a or b) and c", "((a or b) and c)")]
    [InlineData("{{ a }}", "a")]
    [InlineData("r is changed", "r is changed")]
    public void Parses_with_jinja_precedence(string condition, string shape)
    {
        var (start, end) = ConditionText.Bounds(condition);

        Assert.Equal(shape, Show(ConditionParser.Parse(condition, start, end)));
    }

    [Fact]
    public void Offsets_are_positions_in_the_text()
    {
        var parsed = Assert.IsType<LogicalExpr>(ConditionParser.Parse("  a and b", 0, 9));

        Assert.Equal(4, parsed.Offset);
        Assert.Equal(2, parsed.Left.Offset);
        Assert.Equal(8, parsed.Right.Offset);
    }

    [Fact]
    public void Cache_returns_the_same_tree_for_the_same_text()
    {
        var cache = new ConditionCache();

        Assert.Same(cache.Get("a == 1"), cache.Get("a == 1"));
    }

    private static string Show(Expr expression) => expression switch
    {
        LiteralExpr { Value: string text } => $"'{text}'",
        LiteralExpr { Value: double number } => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LiteralExpr literal => Convert.ToString(literal.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "none",
        ListExpr list => "[" + string.Join(", ", list.Items.Select(Show)) + "]",
        NameExpr name => name.Name,
        MemberExpr member when int.TryParse(member.Member, out _) => $"{Show(member.Target)}[{member.Member}]",
        MemberExpr member => $"{Show(member.Target)}.{member.Member}",
        IndexExpr index => $"{Show(index.Target)}[{Show(index.Index)}]",
        NotExpr not => $"not {Show(not.Operand)}",
        NegateExpr negate => $"-{Show(negate.Operand)}",
        LogicalExpr logical => $"({Show(logical.Left)} {(logical.Operator == LogicalOperator.And ? "and" : "or")} {Show(logical.Right)})",
        CompareExpr compare => $"({Show(compare.Left)} {Symbol(compare.Operator)} {Show(compare.Right)})",
        TestExpr test => $"{Show(test.Target)} is {(test.Negated ? "not " : "")}{test.Test}",
        FilterExpr filter => $"{Show(filter.Target)}|{filter.Filter}" + (filter.Arguments.Count > 0 ? "(" + string.Join(", ", filter.Arguments.Select(Show)) + ")" : ""),
        _ => "?",
    };

    private static string Symbol(CompareOperator op) => op switch
    {
        CompareOperator.Equal => "==",
        CompareOperator.NotEqual => "!=",
        CompareOperator.Less => "<",
        CompareOperator.LessOrEqual => "<=",
        CompareOperator.Greater => ">",
        CompareOperator.GreaterOrEqual => ">=",
        CompareOperator.In => "in",
        _ => "not in",
    };
}
