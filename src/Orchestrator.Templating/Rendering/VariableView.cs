using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// A read-only view of a variables mapping for one render: a value that is itself a template string is
/// rendered (against the same root variables) when it is read, so variables are lazy as in Ansible. The
/// caller's mapping is never written to; rendered values are remembered in the <see cref="RenderSession"/>.
/// </summary>
internal sealed class VariableView(IReadOnlyDictionary<string, object?> source, RenderSession session, string path)
    : IReadOnlyDictionary<string, object?>
{
    public RenderSession Session => session;

    public int Count => source.Count;

    public IEnumerable<string> Keys => source.Keys;

    public IEnumerable<object?> Values => source.Keys.Select(key => this[key]);

    public object? this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"undefined variable '{PathOf(key)}'");

    public bool ContainsKey(string key) => source.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (!source.TryGetValue(key, out var raw))
        {
            value = null;
            return false;
        }

        value = session.Resolve(raw, PathOf(key));
        return true;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        foreach (var (key, raw) in source)
        {
            yield return new KeyValuePair<string, object?>(key, session.Resolve(raw, PathOf(key)));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private string PathOf(string key) => path.Length == 0 ? key : path + "." + key;
}
