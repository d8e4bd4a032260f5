using System.Collections.Concurrent;

namespace Orchestrator.Templating;

/// <summary>
/// Values made from a text (compiled templates, parsed conditions), keyed by that text and shared by every thread.
/// Keys come from playbooks and template files, so the set is bounded by the content; the cap only guards against
/// pathological use. A value that fails to be made (a syntax error) is not cached.
/// </summary>
internal sealed class BoundedTextCache<TValue>(Func<string, TValue> create)
    where TValue : class
{
    private const int MaxEntries = 20_000;
    private readonly ConcurrentDictionary<string, TValue> entries = new(StringComparer.Ordinal);
    private int added;

    public TValue Get(string text)
    {
        if (entries.TryGetValue(text, out var value))
        {
            return value;
        }

        value = create(text);

        // Counted here, not with entries.Count, which takes every lock of the dictionary; the cap is only a guard,
        // so a count that races a little is fine.
        if (Interlocked.Increment(ref added) > MaxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref added, 1);
        }

        return entries.GetOrAdd(text, value);
    }
}
