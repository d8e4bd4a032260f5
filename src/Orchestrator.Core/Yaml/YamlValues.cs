using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Yaml;

/// <summary>
/// Turns located YAML into the plain values variables are made of: string, long, double, bool, null,
/// <see cref="List{T}"/> of object? and <see cref="Dictionary{TKey,TValue}"/> of string to object? (ordinal keys).
/// </summary>
public static class YamlValues
{
    /// <summary>Hook for tagged scalars such as <c>!vault</c>; returns null to fall back to the plain value.</summary>
    public delegate object? TagResolver(YScalar scalar);

    public static object? ToPlain(YNode node, TagResolver? tagResolver = null) => node switch
    {
        YScalar scalar when scalar.Tag is not null && tagResolver?.Invoke(scalar) is { } resolved => resolved,
        YScalar scalar => scalar.ToPlain(),
        YSequence sequence => sequence.Items.Select(i => ToPlain(i, tagResolver)).ToList(),
        YMapping mapping => ToDictionary(mapping, tagResolver),
        _ => throw new UserErrorException(node.Location, "unsupported YAML node"),
    };

    public static Dictionary<string, object?> ToDictionary(YMapping mapping, TagResolver? tagResolver = null)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            result[key.Value] = ToPlain(value, tagResolver);
        }

        return result;
    }
}
