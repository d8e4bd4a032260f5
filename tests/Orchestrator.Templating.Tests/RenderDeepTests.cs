using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class RenderDeepTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 30, 5);

    [Fact]
    public void Renders_every_string_and_keeps_types()
    {
        var args = Vars.Of(
            ("dest", "/etc/mesos-master/{{ flag }}"),
            ("port", "{{ port }}"),
            ("enabled", true),
            ("hosts", Vars.List("{{ groups.m }}", "static", 3L)),
            ("env", Vars.Of(("MESOS_{{ upper flag }}", "{{ quorum }}"), ("PLAIN", null))));
        var vars = Vars.Of(("flag", "quorum"), ("port", 5050L), ("quorum", 2L), ("groups", Vars.Of(("m", Vars.List("m1")))));

        var result = Engine.RenderDeep(args, vars, At);

        PlainAssert.Equal(
            Vars.Of(
                ("dest", "/etc/mesos-master/quorum"),
                ("port", 5050L),
                ("enabled", true),
                ("hosts", Vars.List(Vars.List("m1"), "static", 3L)),
                ("env", Vars.Of(("MESOS_QUORUM", 2L), ("PLAIN", null)))),
            result);
    }

    [Fact]
    public void Returns_new_containers_and_leaves_the_input_alone()
    {
        var inner = Vars.List("{{ a }}");
        var args = Vars.Of(("l", inner), ("s", "x"));

        var result = (Dictionary<string, object?>)Engine.RenderDeep(args, Vars.Of(("a", "A")), At)!;

        Assert.NotSame(args, result);
        Assert.NotSame(inner, result["l"]);
        Assert.Equal("{{ a }}", inner[0]);
        PlainAssert.Equal(Vars.List("A"), result["l"]);
    }

    [Fact]
    public void Scalars_pass_through()
    {
        Assert.Equal(3L, Engine.RenderDeep(3L, Vars.Of(), At));
        Assert.Null(Engine.RenderDeep(null, Vars.Of(), At));
        Assert.Equal("plain", Engine.RenderDeep("plain", Vars.Of(), At));
    }

    [Fact]
    public void Errors_carry_the_given_location()
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderDeep(Vars.Of(("k", Vars.List("{{ nope }}"))), Vars.Of(), At));

        Assert.Equal("undefined variable 'nope'", error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 30, 8), error.Diagnostics[0].Location);
    }
}
