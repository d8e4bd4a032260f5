namespace Orchestrator.Inventory;

internal static class PlainValues
{
    /// <summary>Copies lists and mappings (the mutable plain values); everything else is immutable or opaque and shared.</summary>
    public static object? DeepCopy(object? value) => value switch
    {
        List<object?> list => list.Select(DeepCopy).ToList(),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => DeepCopy(e.Value), StringComparer.Ordinal),
        _ => value,
    };

    /// <summary>How a node is named in messages ("a list", "a string").</summary>
    public static string KindOf(Orchestrator.Core.Yaml.YNode node) => node switch
    {
        Orchestrator.Core.Yaml.YScalar scalar => scalar.ToPlain() switch
        {
            null => "null",
            bool => "a boolean",
            long or double => "a number",
            _ => "a string",
        },
        _ => node.KindName,
    };
}
