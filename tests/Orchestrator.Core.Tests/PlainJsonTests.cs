using Orchestrator.Core.Values;

namespace Orchestrator.Core.Tests;

public sealed class PlainJsonTests
{
    private static readonly Dictionary<string, object?> Value = new()
    {
        ["b"] = new List<object?> { 1L, 2.5, "Grüße", null, true },
        ["a"] = double.NaN,
        ["c"] = new Uri("https://example.invalid/"),
    };

    [Fact]
    public void Compact_keeps_key_order_and_asks_display_for_the_rest() =>
        Assert.Equal(
            """{"b":[1,2.5,"Grüße",null,true],"a":"not a number","c":"https://example.invalid/"}""",
            PlainJson.Write(Value, new PlainJsonStyle { Display = v => v is double ? "not a number" : v.ToString()! }));

    [Fact]
    public void Python_style_sorts_keys_indents_and_writes_nan_bare() =>
        Assert.Equal(
            "{\n  \"a\": NaN,\n  \"b\": [\n    1,\n    2.5,\n    \"Grüße\",\n    null,\n    true\n  ],\n  \"c\": \"https://example.invalid/\"\n}",
            PlainJson.Write(Value, new PlainJsonStyle { Indent = 2, SortKeys = true, BareNonFinite = true }));
}
