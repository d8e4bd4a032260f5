using System.Collections.Concurrent;

namespace Orchestrator.Templating.Conditions;

/// <summary>Parsed conditions keyed by their text, shared by every thread; parse errors are not cached.</summary>
internal sealed class ConditionCache
{
    private const int MaxEntries = 20_000;
    private int added;
    private readonly ConcurrentDictionary<string, Expr> entries = new(StringComparer.Ordinal);

    public Expr Get(string text)
    {
        if (entries.TryGetValue(text, out var expression))
        {
            return expression;
        }

        var (start, end) = ConditionText.Bounds(text);
        expression = ConditionParser.Parse(text, start, end);
        // Counted here, not with entries.Count, which takes every lock of the dictionary; the cap is only a guard,
        // so a count that races a little is fine.
        if (Interlocked.Increment(ref added) > MaxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref added, 1);
        }

        return entries.GetOrAdd(text, expression);
    }
}
