using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine.Tests;

public sealed class TaskScopeTests
{
    private static readonly SourceLocation At = new("p.yaml", 1, 1);

    [Fact]
    public void Conditions_and_tags_accumulate_outermost_first()
    {
        var outer = new TaskScope().Enter(TaskCommon.Empty with { When = [new Expression("a", At)], Tags = ["t1"] });

        var inner = outer.Enter(TaskCommon.Empty with { When = [new Expression("b", At)], Tags = ["t2"] });

        Assert.Equal(["a", "b"], inner.When.Select(w => w.Text));
        Assert.Equal(["t1", "t2"], inner.Tags);
        Assert.Equal(["a"], outer.When.Select(w => w.Text));
    }

    [Fact]
    public void Unset_keywords_are_inherited()
    {
        var outer = new TaskScope().Enter(TaskCommon.Empty with
        {
            Become = true,
            BecomeUser = "postgres",
            IgnoreErrors = true,
            NoLog = true,
            CheckMode = false,
            RunOnce = true,
            AnyErrorsFatal = true,
            DelegateTo = "localhost",
        });

        var inner = outer.Enter(TaskCommon.Empty);

        Assert.True(inner.Become);
        Assert.Equal("postgres", inner.BecomeUser);
        Assert.True(inner.IgnoreErrors);
        Assert.True(inner.NoLog);
        Assert.False(inner.CheckMode);
        Assert.True(inner.RunOnce);
        Assert.True(inner.AnyErrorsFatal);
        Assert.Equal("localhost", inner.DelegateTo);
    }

    [Fact]
    public void Set_keywords_override_inherited_ones_even_with_false()
    {
        var outer = new TaskScope().Enter(TaskCommon.Empty with { Become = true, BecomeUser = "a", IgnoreErrors = true, NoLog = true, CheckMode = true });

        var inner = outer.Enter(TaskCommon.Empty with { Become = false, BecomeUser = "b", IgnoreErrors = false, NoLog = false, CheckMode = false });

        Assert.False(inner.Become);
        Assert.Equal("b", inner.BecomeUser);
        Assert.False(inner.IgnoreErrors);
        Assert.False(inner.NoLog);
        Assert.False(inner.CheckMode);
    }

    [Fact]
    public void Vars_become_layers_outermost_first()
    {
        var outer = new TaskScope().Enter(TaskCommon.Empty with { Vars = Map(("x", "block")) });

        var inner = outer.Enter(TaskCommon.Empty with { Vars = Map(("x", "task")) }).WithVars(Map(("y", 1L)));

        Assert.Equal(3, inner.Vars.Count);
        Assert.Equal("block", inner.Vars[0]["x"]);
        Assert.Equal("task", inner.Vars[1]["x"]);
        Assert.Single(outer.Vars);
    }

    [Fact]
    public void Empty_vars_add_no_layer()
    {
        var scope = new TaskScope().Enter(TaskCommon.Empty).WithVars(new Dictionary<string, object?>());

        Assert.Empty(scope.Vars);
    }

    [Fact]
    public void Environment_merges_with_the_inner_value_winning()
    {
        var outer = new TaskScope().Enter(TaskCommon.Empty with { Environment = Map(("A", "1"), ("B", "outer")) });

        var inner = outer.Enter(TaskCommon.Empty with { Environment = Map(("B", "inner"), ("C", "3")) });

        Assert.Equal(Map(("A", "1"), ("B", "inner"), ("C", "3")), inner.Environment);
        Assert.Equal("outer", outer.Environment["B"]);
    }

    [Fact]
    public void Handler_rescue_and_per_host_state_pass_through()
    {
        var perHost = new Dictionary<string, IReadOnlyDictionary<string, object?>> { ["h1"] = Map(("item", "a")) };
        var scope = new TaskScope { IsHandler = true, Rescuable = true, PerHostVars = perHost };

        var inner = scope.Enter(TaskCommon.Empty with { Name = "x", Tags = ["t"] });

        Assert.True(inner.IsHandler);
        Assert.True(inner.Rescuable);
        Assert.Same(perHost, inner.PerHostVars);
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
