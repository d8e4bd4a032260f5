using HandlebarsDotNet;

namespace Orchestrator.Templating.Rendering;

/// <summary>A compiled template as cached: how to render it as text, and (for one-expression templates) as a value.</summary>
internal sealed class TemplateEntry(
    Lazy<IHandlebars> handlebars,
    string handlebarsSource,
    SingleExpression? single,
    HandlebarsTemplate<object, object>? capture,
    HandlebarsTemplate<object, object>? render,
    PlainTextTemplate? plainText = null)
{
    private HandlebarsTemplate<object, object>? render = render;

    public SingleExpression? Single { get; } = single;

    /// <summary>For a non-path single expression: renders <c>{{__capture expr}}</c>.</summary>
    public HandlebarsTemplate<object, object>? Capture { get; } = capture;

    /// <summary>Renders to text: directly for literal text and plain paths when it can, else with Handlebars.</summary>
    public string Render(object root) =>
        plainText is not null && plainText.TryRender(root, out var text) ? text : CompileText()(root);

    /// <summary>Reports a syntax error Handlebars would find; a plain-text template has none.</summary>
    public void Check()
    {
        if (plainText is null)
        {
            CompileText();
        }
    }

    public HandlebarsTemplate<object, object> CompileText() =>
        // A benign race: two threads may both compile; either delegate is correct.
        render ??= TemplateCompiler.CompileHandlebars(handlebars.Value, handlebarsSource, offsetsMatch: false);
}
