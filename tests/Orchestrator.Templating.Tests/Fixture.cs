using Orchestrator.Core.Yaml;

namespace Orchestrator.Templating.Tests;

/// <summary>Table-driven cases kept in Fixtures/*.yaml: a list of mappings, each with a unique 'name'.</summary>
internal static class Fixture
{
    private static readonly Dictionary<string, List<Dictionary<string, object?>>> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var item in Cases(file))
        {
            data.Add((string)item["name"]!);
        }

        return data;
    }

    public static Dictionary<string, object?> Case(string file, string name) =>
        Cases(file).Single(c => (string)c["name"]! == name);

    public static Dictionary<string, object?> Variables(Dictionary<string, object?> item) =>
        item.TryGetValue("vars", out var vars) && vars is Dictionary<string, object?> mapping
            ? mapping
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static List<Dictionary<string, object?>> Cases(string file)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(file, out var cases))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", file);
                var root = YamlValues.ToPlain(YamlLoader.LoadSingle(path)!);
                cases = ((List<object?>)root!).Cast<Dictionary<string, object?>>().ToList();
                Loaded[file] = cases;
            }

            return cases;
        }
    }
}
