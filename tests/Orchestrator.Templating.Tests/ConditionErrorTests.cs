using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class ConditionErrorTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 20, 13);

    [Theory]
    [InlineData("a ==", "expected a value, found end of condition", 4)]
    [InlineData("a = 1", "unexpected character '=' (compare with '==')", 2)]
    [InlineData("a and and b", "unexpected 'and'", 6)]
    [InlineData("(a or b", "expected ')', found end of condition", 7)]
    [InlineData("a == 'open", "string starting here is never closed with '", 5)]
    [InlineData("x is frobbed", "unknown test 'frobbed' (known: boolean, changed, defined, failed, false, iterable, mapping, none, number, sequence, skipped, string, succeeded, success, true, undefined)", 5)]
    [InlineData("x | nope", "unknown filter 'nope' (known: bool, count, d, default, first, float, int, last, length, lower, string, trim, upper)", 4)]
    [InlineData("x | default", "filter 'default' takes 1 to 2 arguments, got 0", 4)]
    [InlineData("a && b", "unexpected character '&' (use 'and')", 2)]
    [InlineData("a b", "unexpected 'b'", 2)]
    [InlineData("", "the condition is empty", 0)]
    [InlineData("{{ x }} == 1", "unexpected character '{' (a condition is an expression: write the variable without '{{ }}')", 0)]
    [InlineData("{{ a == }}", "expected a value, found end of condition", 8)]
    [InlineData("a.", "expected a name after '.', found end of condition", 2)]
    [InlineData("[1, 2", "expected ']', found end of condition", 5)]
    public void Parse_errors_point_at_the_bad_token(string condition, string message, int offset)
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.ValidateCondition(condition, At));

        Assert.Equal("invalid condition: " + message, error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 20, 13 + offset), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Evaluating_reports_parse_errors_too()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateCondition("a ==", Vars.Of(("a", 1L)), At));

        Assert.StartsWith("invalid condition:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mesos_zk == 'x'", "undefined variable 'mesos_zk'", 0)]
    [InlineData("ok and missing", "undefined variable 'missing'", 7)]
    [InlineData("not ok or missing", "undefined variable 'missing'", 10)]
    [InlineData("facts.codename == 'x'", "undefined variable 'facts.codename'", 6)]
    [InlineData("nothere.codename == 'x'", "undefined variable 'nothere'", 0)]
    [InlineData("'a' in missing", "undefined variable 'missing'", 7)]
    [InlineData("missing is none", "undefined variable 'missing'", 0)]
    [InlineData("missing is changed", "undefined variable 'missing'", 0)]
    [InlineData("missing | length > 0", "undefined variable 'missing'", 0)]
    [InlineData("missing", "undefined variable 'missing'", 0)]
    [InlineData("l[3] == 1", "undefined variable 'l[3]'", 1)]
    public void Undefined_variables_are_located_errors(string condition, string message, int offset)
    {
        var vars = Vars.Of(("ok", true), ("facts", Vars.Of()), ("l", Vars.List(1L)));

        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateCondition(condition, vars, At));

        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 20, 13 + offset), error.Diagnostics[0].Location);
    }

    [Theory]
    [InlineData("n < 'a'", "cannot compare number 1 with string 'a'", 2)]
    [InlineData("n >= none", "cannot compare number 1 with null", 2)]
    [InlineData("'a' in n", "'in' needs a list, mapping or string on the right, got number 1", 4)]
    [InlineData("n in 'abc'", "'in' a string needs a string on the left, got number 1", 2)]
    [InlineData("n is changed", "'is changed' needs a registered result (a mapping), got number 1", 0)]
    [InlineData("-s", "cannot negate string 'x'", 0)]
    [InlineData("s | int", "filter 'int': string 'x' is not a number", 2)]
    public void Type_errors_are_located(string condition, string message, int offset)
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateCondition(condition, Vars.Of(("n", 1L), ("s", "x")), At));

        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 20, 13 + offset), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Validation_needs_no_variables()
    {
        Engine.ValidateCondition("result is changed and hostvars[inventory_hostname].x is defined", At);
        Engine.ValidateCondition("{{ x }}", At);
    }
}
