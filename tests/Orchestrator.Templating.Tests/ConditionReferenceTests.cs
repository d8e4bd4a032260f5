using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

/// <summary>ConditionReferences: which variables a condition reads, where, and whether they may be undefined.</summary>
public sealed class ConditionReferenceTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 7, 11);

    private static string Describe(string condition) =>
        string.Join(" | ", Engine.ConditionReferences(condition, At).Select(r => $"{r.Name} {r.Path} {r.Location.Column}{(r.Guarded ? "?" : "")}"));

    [Theory]
    [InlineData("true", "")]
    [InlineData("1 == 1 and 'a' in ['a', 'b']", "")]
    [InlineData("x", "x x 11")]
    [InlineData("conf.stat.exists", "conf conf.stat.exists 11")]
    [InlineData("conf['stat'].size > 0", "conf conf.stat.size 11")]
    [InlineData("items[0] == 'a'", "items items[0] 11")]
    [InlineData("hostvars[inventory_hostname].x", "hostvars hostvars[inventory_hostname].x 11 | inventory_hostname inventory_hostname 20")]
    [InlineData("'web' in group_names", "group_names group_names 20")]
    [InlineData("not a and (b or c != d)", "a a 15 | b b 22 | c c 27 | d d 32")]
    [InlineData("-count < limit", "count count 12 | limit limit 20")]
    [InlineData("x | int > y | length", "x x 11 | y y 21")]
    [InlineData("[a, 1] == b", "a a 12 | b b 21")]
    [InlineData("result is changed", "result result 11")]
    [InlineData("{{ enabled }}", "enabled enabled 14")]
    public void Paths_are_references_to_their_root_name(string condition, string expected)
    {
        Assert.Equal(expected, Describe(condition));
    }

    [Theory]
    [InlineData("x is defined", "x x 11?")]
    [InlineData("x is not defined", "x x 11?")]
    [InlineData("x.y is undefined", "x x.y 11?")]
    [InlineData("x is defined and x.y > 1", "x x 11? | x x.y 28?")]
    [InlineData("x.y > 1 or x is not defined", "x x.y 11? | x x 22?")]
    [InlineData("x | default(1) > y", "x x 11? | y y 28")]
    [InlineData("x.y | d(z) == 1", "x x.y 11? | z z 19")]
    [InlineData("(x | default(0)) > 1 and x > 2", "x x 12? | x x 36")]
    [InlineData("a[b] is defined", "a a[b] 11? | b b 13")]
    public void Defined_tests_and_default_guard(string condition, string expected)
    {
        Assert.Equal(expected, Describe(condition));
    }

    [Fact]
    public void A_syntax_error_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.ConditionReferences("x ==", At));

        Assert.StartsWith("invalid condition", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", "")]
    [InlineData("x is defined", "x")]
    [InlineData("x.y is defined", "x")]
    [InlineData("x is not defined", "")]
    [InlineData("not (x is undefined)", "x")]
    [InlineData("x is defined and y.z > 1", "x y")]
    [InlineData("x is defined or y is defined", "")]
    [InlineData("(x is defined and y) or (x is defined and z)", "x")]
    [InlineData("not (x is undefined or y is undefined)", "x y")]
    [InlineData("x == 1", "x")]
    [InlineData("x | default(0) > 1", "")]
    [InlineData("x is not defined or x.y", "")]
    public void Guarantees_are_the_names_defined_whenever_the_condition_holds(string condition, string expected)
    {
        Assert.Equal(expected, string.Join(" ", Engine.ConditionGuarantees(condition, At).Order(StringComparer.Ordinal)));
    }
}
