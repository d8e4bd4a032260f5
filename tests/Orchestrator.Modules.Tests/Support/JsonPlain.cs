using System.Text.Json;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>JSON values as the plain values the binder and modules see (string, long, double, bool, null, List, Dictionary).</summary>
public static class JsonPlain
{
    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number when element.TryGetInt64(out var number) => number,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
        JsonValueKind.Object => Map(element),
        _ => null,
    };

    public static Dictionary<string, object?> Map(JsonElement element) =>
        element.EnumerateObject().ToDictionary(p => p.Name, p => From(p.Value), StringComparer.Ordinal);
}
