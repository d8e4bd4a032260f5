using HandlebarsDotNet;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Compiled templates keyed by template text, shared by every thread (many hosts render the same strings at
/// once). Handlebars itself is created only when a template needs it.
/// </summary>
internal sealed class TemplateCache
{
    private readonly BoundedTextCache<TemplateEntry> entries;

    public TemplateCache(Lazy<IHandlebars> handlebars)
    {
        entries = new BoundedTextCache<TemplateEntry>(text => TemplateCompiler.Compile(handlebars, text));
    }

    public TemplateCache(IHandlebars handlebars)
        : this(new Lazy<IHandlebars>(handlebars))
    {
    }

    public TemplateEntry Get(string text) => entries.Get(text);
}
