using Orchestrator.Modules;

namespace Orchestrator.Engine.Tests;

public sealed class RegisteredResultTests
{
    [Fact]
    public void Result_fields_use_ansible_names()
    {
        var value = RegisteredResult.From(new ModuleResult { Changed = true, Message = "done", ReturnCode = 3 });

        Assert.Equal(true, value["changed"]);
        Assert.Equal(false, value["failed"]);
        Assert.Equal(false, value["skipped"]);
        Assert.Equal("done", value["msg"]);
        Assert.Equal(3L, value["rc"]);
        Assert.False(value.ContainsKey("stdout"));
    }

    [Theory]
    [InlineData("a\nb\n", new[] { "a", "b" })]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\n\nb\n\n\n", new[] { "a", "", "b", "", "" })]
    [InlineData("win\r\nlines\r\n", new[] { "win", "lines" })]
    [InlineData("\nlead", new[] { "", "lead" })]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    [InlineData("old\rmac", new[] { "old", "mac" })]
    [InlineData("a\vb\f", new[] { "a", "b" })]
    [InlineData("x\u2028y", new[] { "x", "y" })]
    public void Output_lines_are_python_splitlines(string stdout, string[] lines)
    {
        var value = RegisteredResult.From(new ModuleResult { Stdout = stdout, Stderr = stdout });

        Assert.Equal(stdout, value["stdout"]);
        Assert.Equal(lines.Cast<object?>().ToList(), value["stdout_lines"]);
        Assert.Equal(lines.Cast<object?>().ToList(), value["stderr_lines"]);
    }

    [Fact]
    public void Module_data_is_added_and_may_override()
    {
        var value = RegisteredResult.From(new ModuleResult
        {
            Data = new Dictionary<string, object?> { ["stat"] = new Dictionary<string, object?> { ["exists"] = true }, ["msg"] = "from data" },
        });

        Assert.Equal(true, Assert.IsType<Dictionary<string, object?>>(value["stat"])["exists"]);
        Assert.Equal("from data", value["msg"]);
    }

    [Fact]
    public void Loop_aggregate_holds_the_items_under_results()
    {
        var items = new List<Dictionary<string, object?>>
        {
            RegisteredResult.From(ModuleResult.Ok()),
            RegisteredResult.From(new ModuleResult { Changed = true }),
        };

        var value = RegisteredResult.ForLoop(items);

        Assert.Equal(true, value["changed"]);
        Assert.Equal(false, value["failed"]);
        Assert.Equal(false, value["skipped"]);
        Assert.Equal("All items completed", value["msg"]);
        Assert.Equal(items.Cast<object?>(), Assert.IsType<List<object?>>(value["results"]));
    }

    [Fact]
    public void Loop_aggregate_fails_when_one_item_failed()
    {
        var value = RegisteredResult.ForLoop([RegisteredResult.From(ModuleResult.Ok()), RegisteredResult.From(ModuleResult.Fail("no"))]);

        Assert.Equal(true, value["failed"]);
        Assert.Equal(false, value["changed"]);
        Assert.Equal("One or more items failed", value["msg"]);
    }

    [Fact]
    public void Loop_aggregate_is_skipped_only_when_every_item_was()
    {
        var allSkipped = RegisteredResult.ForLoop([RegisteredResult.Skipped("a"), RegisteredResult.Skipped("b")]);
        var someSkipped = RegisteredResult.ForLoop([RegisteredResult.Skipped("a"), RegisteredResult.From(ModuleResult.Ok())]);

        Assert.Equal(true, allSkipped["skipped"]);
        Assert.Equal(false, someSkipped["skipped"]);
    }

    [Fact]
    public void Skipped_result_carries_the_reason()
    {
        var value = RegisteredResult.Skipped("Conditional result was False: x");

        Assert.Equal(true, value["skipped"]);
        Assert.Equal(false, value["changed"]);
        Assert.Equal("Conditional result was False: x", value["skip_reason"]);
    }

    [Fact]
    public void A_loop_over_nothing_is_skipped_as_in_ansible()
    {
        var value = RegisteredResult.ForLoop([]);

        Assert.Equal(true, value["skipped"]);
        Assert.Equal("No items in the list", value["skipped_reason"]);
        Assert.Empty(Assert.IsType<List<object?>>(value["results"]));
        Assert.Equal(false, value["changed"]);
    }
}
