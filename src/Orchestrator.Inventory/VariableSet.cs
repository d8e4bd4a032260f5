using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>
/// Variables with where each was defined. A later definition replaces an earlier one whole (Ansible's default
/// hash_behaviour=replace), keeping the key's first position.
/// </summary>
internal sealed class VariableSet
{
    private readonly Dictionary<string, LocatedValue> entries = new(StringComparer.Ordinal);

    public int Count => entries.Count;

    public IEnumerable<KeyValuePair<string, LocatedValue>> Entries => entries;

    public void Set(string name, object? value, SourceLocation location) => entries[name] = new LocatedValue(value, location);

    public bool Remove(string name) => entries.Remove(name);

    public void MergeFrom(VariableSet? other)
    {
        if (other is null)
        {
            return;
        }

        foreach (var (name, value) in other.entries)
        {
            entries[name] = value;
        }
    }

    public bool TryGet(string name, out LocatedValue value) => entries.TryGetValue(name, out value);

    /// <summary>A deep copy as plain values: the caller may change it without touching the inventory.</summary>
    public Dictionary<string, object?> ToPlain()
    {
        var result = new Dictionary<string, object?>(entries.Count, StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            result[name] = PlainValues.DeepCopy(value.Value);
        }

        return result;
    }
}
