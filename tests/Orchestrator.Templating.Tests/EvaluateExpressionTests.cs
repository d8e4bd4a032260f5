using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class EvaluateExpressionTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 2, 3);

    private static readonly Dictionary<string, object?> Variables = Vars.Of(
        ("groups", Vars.Of(("mesos_masters", Vars.List("m1", "m2")))),
        ("result", Vars.Of(("rc", 0L), ("stdout", "ok"), ("changed", true))),
        ("masters", "{{ groups.mesos_masters }}"),
        ("port", 5050L));

    [Fact]
    public void Returns_plain_values_of_any_type()
    {
        PlainAssert.Equal(Vars.List("m1", "m2"), Engine.EvaluateExpression("groups.mesos_masters", Variables, At));
        PlainAssert.Equal(Vars.List("m1", "m2"), Engine.EvaluateExpression("masters", Variables, At));
        PlainAssert.Equal(Vars.Of(("rc", 0L), ("stdout", "ok"), ("changed", true)), Engine.EvaluateExpression("result", Variables, At));
        PlainAssert.Equal(5050L, Engine.EvaluateExpression("port", Variables, At));
        PlainAssert.Equal("m2", Engine.EvaluateExpression("groups['mesos_masters'][1]", Variables, At));
        PlainAssert.Equal(true, Engine.EvaluateExpression("result is changed", Variables, At));
        PlainAssert.Equal(Vars.List(1L, "a"), Engine.EvaluateExpression("[1, 'a']", Variables, At));
        PlainAssert.Equal("d", Engine.EvaluateExpression("missing | default('d')", Variables, At));
        PlainAssert.Equal(2L, Engine.EvaluateExpression("masters | length", Variables, At));
        PlainAssert.Equal(5050L, Engine.EvaluateExpression("{{ port }}", Variables, At));
    }

    [Fact]
    public void And_or_return_an_operand_as_in_python()
    {
        PlainAssert.Equal("fallback", Engine.EvaluateExpression("'' or 'fallback'", Variables, At));
        PlainAssert.Equal(0L, Engine.EvaluateExpression("0 and port", Variables, At));
        PlainAssert.Equal(5050L, Engine.EvaluateExpression("result and port", Variables, At));
    }

    [Fact]
    public void Returned_containers_are_copies()
    {
        var masters = (List<object?>)((Dictionary<string, object?>)Variables["groups"]!)["mesos_masters"]!;

        Assert.NotSame(masters, Engine.EvaluateExpression("groups.mesos_masters", Variables, At));
    }

    [Fact]
    public void Undefined_is_an_error()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateExpression("result.stderr", Variables, At));

        Assert.Equal("undefined variable 'result.stderr'", error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 2, 10), error.Diagnostics[0].Location);
    }
}
