using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine.Tests;

public sealed class LoopItemsTests
{
    private static readonly SourceLocation At = new("p.yaml", 4, 7);
    private readonly RunContext run = TestRun.Create();

    [Fact]
    public void Loop_keeps_nested_lists_as_items()
    {
        var items = LoopItems.Resolve(run, new LoopSpec(List(List("a", "b"), "c"), At), Vars());

        Assert.Equal(2, items.Count);
        Assert.Equal(List("a", "b"), items[0]);
        Assert.Equal("c", items[1]);
    }

    [Fact]
    public void With_items_flattens_one_level_only()
    {
        var items = LoopItems.Resolve(run, new LoopSpec(List(List("a", "b"), "c", List("d", List("e"))), At, FlattenOnce: true), Vars());

        Assert.Equal(["a", "b", "c", "d", List("e")], items);
    }

    [Fact]
    public void Template_that_renders_to_a_list_is_the_list()
    {
        var items = LoopItems.Resolve(run, new LoopSpec("{{ names }}", At), Vars(("names", List("x", "y"))));

        Assert.Equal(["x", "y"], items);
    }

    [Fact]
    public void Items_of_a_written_list_are_rendered()
    {
        var items = LoopItems.Resolve(run, new LoopSpec(List("{{ a }}-1", "{{ b }}"), At), Vars(("a", "p"), ("b", 5L)));

        Assert.Equal(["p-1", 5L], items);
    }

    [Fact]
    public void Mapping_is_an_error_located_at_the_loop()
    {
        var loop = new LoopSpec("{{ m }}", At);

        var error = Assert.Throws<UserErrorException>(() => LoopItems.Resolve(run, loop, Vars(("m", new Dictionary<string, object?> { ["k"] = "v" }))));

        Assert.Equal(At, error.Diagnostics[0].Location);
        Assert.Contains("not a mapping", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_is_an_error_for_loop_and_one_item_for_with_items()
    {
        Assert.Throws<UserErrorException>(() => LoopItems.Resolve(run, new LoopSpec("{{ s }}", At), Vars(("s", "one"))));

        Assert.Equal(["one"], LoopItems.Resolve(run, new LoopSpec("{{ s }}", At, FlattenOnce: true), Vars(("s", "one"))));
    }

    [Fact]
    public void Null_is_no_items()
    {
        Assert.Empty(LoopItems.Resolve(run, new LoopSpec(null, At), Vars()));
        Assert.Empty(LoopItems.Resolve(run, new LoopSpec("{{ n }}", At), Vars(("n", null))));
    }

    [Fact]
    public void Loop_variables_name_the_item_and_its_position()
    {
        var vars = LoopItems.Variables(new LoopSpec(null, At, LoopVar: "pkg", IndexVar: "i"), "curl", 1, 3);

        Assert.Equal("curl", vars["pkg"]);
        Assert.Equal("pkg", vars["ansible_loop_var"]);
        Assert.Equal(1L, vars["i"]);
        var loop = Assert.IsType<Dictionary<string, object?>>(vars["ansible_loop"]);
        Assert.Equal(2L, loop["index"]);
        Assert.Equal(1L, loop["index0"]);
        Assert.Equal(false, loop["first"]);
        Assert.Equal(false, loop["last"]);
        Assert.Equal(3L, loop["length"]);
        Assert.False(vars.ContainsKey("item"));
    }

    [Fact]
    public void Last_item_is_marked_last()
    {
        var loop = Assert.IsType<Dictionary<string, object?>>(LoopItems.Variables(new LoopSpec(null, At), "x", 2, 3)["ansible_loop"]);

        Assert.Equal(true, loop["last"]);
    }

    [Theory]
    [InlineData("alpha", "alpha")]
    [InlineData(42L, "42")]
    [InlineData(1.5, "1.5")]
    [InlineData(true, "True")]
    [InlineData(false, "False")]
    [InlineData(null, "None")]
    public void Default_label_shows_the_item(object? item, string expected)
    {
        Assert.Equal(expected, LoopItems.Label(run, new LoopSpec(null, At), item, Vars()));
    }

    [Fact]
    public void Default_label_of_a_mapping_is_its_json()
    {
        var item = new Dictionary<string, object?> { ["name"] = "web", ["port"] = 80L };

        Assert.Equal("{\"name\":\"web\",\"port\":80}", LoopItems.Label(run, new LoopSpec(null, At), item, Vars()));
    }

    [Fact]
    public void Label_template_is_rendered_with_the_item()
    {
        var item = new Dictionary<string, object?> { ["name"] = "web", ["secret"] = "s3cr3t" };
        var loop = new LoopSpec(null, At, Label: "{{ item.name }}");

        Assert.Equal("web", LoopItems.Label(run, loop, item, Vars(("item", item))));
    }

    private static List<object?> List(params object?[] items) => [.. items];

    private static Dictionary<string, object?> Vars(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
