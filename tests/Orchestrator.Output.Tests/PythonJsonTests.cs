using Orchestrator.Output.Console;
using Orchestrator.Core.Values;

namespace Orchestrator.Output.Tests;

public sealed class PythonJsonTests
{
    private static Dictionary<string, object?> Sample() => new()
    {
        ["b"] = new List<object?> { 1L, new Dictionary<string, object?> { ["d"] = new List<object?>(), ["c"] = null } },
        ["a"] = "x\u00e9\"\n\t\u0001",
        ["e"] = new Dictionary<string, object?>(),
        ["f"] = 1.5,
        ["g"] = 2.0,
        ["h"] = true,
    };

    [Fact]
    public void One_line_form_matches_python_json_dumps_with_sorted_keys()
    {
        Assert.Equal(
            "{\"a\": \"x\u00e9\\\"\\n\\t\\u0001\", \"b\": [1, {\"c\": null, \"d\": []}], \"e\": {}, \"f\": 1.5, \"g\": 2.0, \"h\": true}",
            PythonJson.Format(Sample(), sortKeys: true));
    }

    [Fact]
    public void Indented_form_matches_python_json_dumps_indent_4()
    {
        const string expected = """
            {
                "a": "xé\"\n\t\u0001",
                "b": [
                    1,
                    {
                        "c": null,
                        "d": []
                    }
                ],
                "e": {},
                "f": 1.5,
                "g": 2.0,
                "h": true
            }
            """;

        Assert.Equal(expected.ReplaceLineEndings("\n"), PythonJson.Format(Sample(), indent: 4, sortKeys: true));
    }
}
