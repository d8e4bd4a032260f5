using Orchestrator.Core.Yaml;

namespace Orchestrator.Core.Tests.Yaml;

public sealed class YamlValuesTests
{
    [Fact]
    public void Nested_yaml_becomes_plain_values()
    {
        var node = Parse("name: web\nport: 80\nratio: 0.5\nenabled: yes\nnothing: ~\nlist: [a, 2, 'no']\nmap: {x: {y: [1]}}\n");

        var value = Assert.IsType<Dictionary<string, object?>>(YamlValues.ToPlain(node));

        Assert.Equal("web", value["name"]);
        Assert.Equal(80L, value["port"]);
        Assert.Equal(0.5, value["ratio"]);
        Assert.Equal(true, value["enabled"]);
        Assert.Null(value["nothing"]);
        Assert.True(value.ContainsKey("nothing"));
        Assert.Equal(new List<object?> { "a", 2L, "no" }, Assert.IsType<List<object?>>(value["list"]));
        var x = Assert.IsType<Dictionary<string, object?>>(Assert.IsType<Dictionary<string, object?>>(value["map"])["x"]);
        Assert.Equal(new List<object?> { 1L }, x["y"]);
    }

    [Fact]
    public void Mapping_keys_are_ordinal_and_keep_their_text()
    {
        var value = YamlValues.ToDictionary(Assert.IsType<YMapping>(Parse("Key: 1\nkey: 2\n1: one\nyes: y\n")));

        Assert.Equal(["Key", "key", "1", "yes"], value.Keys);
        Assert.False(value.ContainsKey("KEY"));
        Assert.Equal("y", value["yes"]);
    }

    [Fact]
    public void Tag_resolver_replaces_tagged_scalars_only()
    {
        var node = Parse("secret: !vault |\n  cipher\nplain: text\ncustom: !other x\n");

        var value = YamlValues.ToDictionary(
            Assert.IsType<YMapping>(node),
            scalar => scalar.Tag == "!vault" ? "decrypted(" + scalar.Value.Trim() + ")" : null);

        Assert.Equal("decrypted(cipher)", value["secret"]);
        Assert.Equal("text", value["plain"]);
        Assert.Equal("x", value["custom"]);
    }

    [Fact]
    public void Tag_resolver_reaches_into_lists_and_nested_mappings()
    {
        var node = Parse("a:\n  - !vault one\n  - b: !vault two\n");
        var seen = new List<string>();

        var value = YamlValues.ToPlain(node, scalar =>
        {
            seen.Add(scalar.Value);
            return scalar.Value.ToUpperInvariant();
        });

        Assert.Equal(["one", "two"], seen);
        var list = Assert.IsType<List<object?>>(Assert.IsType<Dictionary<string, object?>>(value)["a"]);
        Assert.Equal("ONE", list[0]);
        Assert.Equal("TWO", Assert.IsType<Dictionary<string, object?>>(list[1])["b"]);
    }

    [Fact]
    public void Aliased_nodes_become_independent_copies()
    {
        var value = Assert.IsType<Dictionary<string, object?>>(YamlValues.ToPlain(Parse("a: &x [1]\nb: *x\n")));

        var a = Assert.IsType<List<object?>>(value["a"]);
        var b = Assert.IsType<List<object?>>(value["b"]);
        a.Add(2L);
        Assert.Single(b);
    }

    [Fact]
    public void Empty_flow_collections_are_empty_values()
    {
        var value = Assert.IsType<Dictionary<string, object?>>(YamlValues.ToPlain(Parse("l: []\nm: {}\n")));

        Assert.Empty(Assert.IsType<List<object?>>(value["l"]));
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(value["m"]));
    }

    private static YNode Parse(string text) => Assert.Single(YamlLoader.Parse(text, "t.yaml"));
}
