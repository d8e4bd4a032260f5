namespace Orchestrator.Templating.Tests;

/// <summary>Builds variable mappings for tests: <c>Vars.Of(("a", 1L), ("b", "x"))</c>.</summary>
internal static class Vars
{
    public static Dictionary<string, object?> Of(params (string Key, object? Value)[] entries)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            result[key] = value;
        }

        return result;
    }

    public static List<object?> List(params object?[] items) => [.. items];
}
