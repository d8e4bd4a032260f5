using System.Collections.Concurrent;
using HandlebarsDotNet;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Compiled templates keyed by template text, shared by every thread (many hosts render the same strings at
/// once). Keys are texts from playbooks and template files, so the set is bounded by the content; the cap
/// only guards against pathological use.
/// </summary>
internal sealed class TemplateCache(Lazy<IHandlebars> handlebars)
{
    public TemplateCache(IHandlebars handlebars)
        : this(new Lazy<IHandlebars>(handlebars))
    {
    }

    private const int MaxEntries = 20_000;
    private int added;
    private readonly ConcurrentDictionary<string, TemplateEntry> entries = new(StringComparer.Ordinal);

    public TemplateEntry Get(string text)
    {
        if (entries.TryGetValue(text, out var entry))
        {
            return entry;
        }

        entry = TemplateCompiler.Compile(handlebars, text);
        // Counted here, not with entries.Count, which takes every lock of the dictionary; the cap is only a guard,
        // so a count that races a little is fine.
        if (Interlocked.Increment(ref added) > MaxEntries)
        {
            entries.Clear();
            Interlocked.Exchange(ref added, 1);
        }

        return entries.GetOrAdd(text, entry);
    }
}
