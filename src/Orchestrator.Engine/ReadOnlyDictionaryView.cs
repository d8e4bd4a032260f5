using System.Collections;

namespace Orchestrator.Engine;

/// <summary>
/// Base for variable views computed on access (hostvars). Implements both dictionary interfaces because
/// templating and conditions may look for either; writes are refused.
/// </summary>
internal abstract class ReadOnlyDictionaryView : IReadOnlyDictionary<string, object?>, IDictionary<string, object?>
{
    public abstract IEnumerable<string> Keys { get; }

    ICollection<string> IDictionary<string, object?>.Keys => Keys.ToList();

    public IEnumerable<object?> Values => Keys.Select(k => this[k]);

    ICollection<object?> IDictionary<string, object?>.Values => Values.ToList();

    public int Count => Keys.Count();

    public bool IsReadOnly => true;

    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
        set => throw new NotSupportedException("variables views are read-only");
    }

    public abstract bool TryGetValue(string key, out object? value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, object?>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, object? value) => throw new NotSupportedException();

    public void Add(KeyValuePair<string, object?> item) => throw new NotSupportedException();

    public bool Remove(string key) => throw new NotSupportedException();

    public bool Remove(KeyValuePair<string, object?> item) => throw new NotSupportedException();

    public void Clear() => throw new NotSupportedException();

    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var value) && Equals(value, item.Value);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this)
        {
            array[arrayIndex++] = pair;
        }
    }
}
