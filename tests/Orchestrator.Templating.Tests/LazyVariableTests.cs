using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class LazyVariableTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("site.yaml", 4, 7);

    [Fact]
    public void Variable_whose_value_is_a_template_is_rendered_recursively()
    {
        var vars = Vars.Of(
            ("zk_hosts", "{{ join zk_list ',' }}"),
            ("zk_list", Vars.List("{{ first_zk }}:2181", "z2:2181")),
            ("first_zk", "{{ cluster_address }}"),
            ("cluster_address", "10.0.0.11"),
            ("mesos_zk", "zk://{{ zk_hosts }}/mesos"));

        Assert.Equal("zk://10.0.0.11:2181,z2:2181/mesos", Engine.RenderValue("{{ mesos_zk }}", vars, At));
        Assert.Equal("--zk=zk://10.0.0.11:2181,z2:2181/mesos", Engine.RenderText("--zk={{ mesos_zk }}", vars, At));
    }

    [Fact]
    public void Callers_dictionaries_are_not_changed_and_results_are_new_containers()
    {
        var masters = Vars.List("{{ prefix }}1", "m2");
        var vars = Vars.Of(("prefix", "m"), ("masters", masters), ("lazy", "{{ prefix }}x"));

        var result = Engine.RenderValue("{{ masters }}", vars, At);
        Engine.RenderValue("{{ lazy }}", vars, At);

        PlainAssert.Equal(Vars.List("m1", "m2"), result);
        Assert.NotSame(masters, result);
        Assert.Equal("{{ prefix }}1", masters[0]);
        Assert.Equal("{{ prefix }}x", vars["lazy"]);
    }

    [Theory]
    [InlineData("{{ a }}", "variable cycle: a -> b -> a")]
    [InlineData("x {{ b }} y", "variable cycle: b -> a -> b")]
    [InlineData("{{ self }}", "variable cycle: self -> self")]
    [InlineData("{{ c }}", "variable cycle: a -> b -> a")]
    public void Cycle_is_a_located_error_naming_the_chain(string template, string message)
    {
        var vars = Vars.Of(("a", "{{ b }}"), ("b", "{{ a }}"), ("self", "x{{ self }}"), ("c", "{{ a }}"));

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue(template, vars, At));

        Assert.Equal(message, error.Message);
        Assert.Equal("site.yaml", error.Diagnostics[0].Location.File);
        Assert.Equal(4, error.Diagnostics[0].Location.Line);
    }

    [Fact]
    public void Cycle_through_a_list_item_is_detected()
    {
        var vars = Vars.Of(("l", Vars.List("{{ join l ',' }}")));

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ l }}", vars, At));

        Assert.Equal("variable cycle: l.0 -> l.0", error.Message);
    }

    [Fact]
    public void Undefined_inside_a_lazy_value_names_the_variable_and_the_chain()
    {
        var vars = Vars.Of(("mesos_zk", "zk://{{ zk_hosts }}/mesos"), ("marathon_zk", "{{ mesos_zk }}x"));

        var direct = Assert.Throws<UserErrorException>(() => Engine.RenderValue("--zk={{ mesos_zk }}", vars, At));
        var chained = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ marathon_zk }}", vars, At));

        Assert.Equal("undefined variable 'zk_hosts' (via mesos_zk)", direct.Message);
        Assert.Equal(new SourceLocation("site.yaml", 4, 15), direct.Diagnostics[0].Location);
        Assert.Equal("undefined variable 'zk_hosts' (via marathon_zk -> mesos_zk)", chained.Message);
    }

    [Fact]
    public void Syntax_error_inside_a_lazy_value_names_the_variable()
    {
        var vars = Vars.Of(("broken", "{{#if x}}never closed"));

        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue("{{ broken }}", vars, At));

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lazy_value_failing_in_a_condition_is_located_at_the_variable()
    {
        var vars = Vars.Of(("mesos_zk", "zk://{{ zk_hosts }}/mesos"));

        var error = Assert.Throws<UserErrorException>(() => Engine.EvaluateCondition("x is not defined and mesos_zk != ''", vars, At));

        Assert.Equal("undefined variable 'zk_hosts' (via mesos_zk)", error.Message);
        Assert.Equal(new SourceLocation("site.yaml", 4, 28), error.Diagnostics[0].Location);
    }

    [Fact]
    public void Each_lazy_value_is_rendered_once_per_call()
    {
        var counter = new CountingList(["a", "b"]);
        var vars = Vars.Of(("items", counter), ("one", "{{ join items ',' }}"), ("both", "{{ one }}|{{ one }}"));

        Assert.Equal("a,b|a,b", Engine.RenderValue("{{ both }}", vars, At));
        Assert.Equal(2, counter.Reads);
    }

    private sealed class CountingList(List<object?> items) : IReadOnlyList<object?>
    {
        public int Reads { get; private set; }

        public int Count => items.Count;

        public object? this[int index]
        {
            get
            {
                Reads++;
                return items[index];
            }
        }

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
