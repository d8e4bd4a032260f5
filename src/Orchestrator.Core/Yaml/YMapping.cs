using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Yaml;

/// <summary>A mapping with its entries in source order. Duplicate keys are rejected by the loader.</summary>
public sealed record YMapping(SourceLocation Location, IReadOnlyList<KeyValuePair<YScalar, YNode>> Entries) : YNode(Location)
{
    public override string KindName => "a mapping";

    public YNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    public YScalar? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Key;

    public bool ContainsKey(string key) => Entries.Any(e => e.Key.Value == key);

    public IEnumerable<string> Keys => Entries.Select(e => e.Key.Value);
}
