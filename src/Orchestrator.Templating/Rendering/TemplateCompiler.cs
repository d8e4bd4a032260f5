using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>Checks and compiles a template text into a <see cref="TemplateEntry"/>; syntax errors are <see cref="TemplateSyntaxError"/>s.</summary>
internal static partial class TemplateCompiler
{
    public static TemplateEntry Compile(Lazy<IHandlebars> handlebars, string text)
    {
        var mustaches = MustacheScanner.Scan(text);
        if (mustaches is null)
        {
            return new TemplateEntry(handlebars, text, null, null, CompileHandlebars(handlebars.Value, text, offsetsMatch: true));
        }

        TemplateValidator.Check(mustaches);
        var single = SingleExpression.Detect(text, mustaches);
        var source = HandlebarsSource.Prepare(text, mustaches);
        var plainText = ReferenceEquals(source, text) ? PlainTextTemplate.Detect(text, mustaches) : null;
        if (single is null)
        {
            // A plain-text template is compiled by Handlebars only if a render ever needs it (a value that is not a string).
            return plainText is not null
                ? new TemplateEntry(handlebars, source, null, null, null, plainText)
                : new TemplateEntry(handlebars, source, null, null, CompileHandlebars(handlebars.Value, source, ReferenceEquals(source, text)));
        }

        HandlebarsTemplate<object, object>? capture = null;
        if (single.Path is null)
        {
            var captureText = "{{" + CaptureHelper.Name + " " + single.CaptureArgument + "}}";
            var captureSource = HandlebarsSource.Prepare(captureText, MustacheScanner.Scan(captureText) ?? []);
            capture = CompileHandlebars(handlebars.Value, captureSource, offsetsMatch: false);
        }

        return new TemplateEntry(handlebars, source, single, capture, null, plainText);
    }

    /// <param name="offsetsMatch">Whether positions Handlebars reports are positions in the user's text.</param>
    public static HandlebarsTemplate<object, object> CompileHandlebars(IHandlebars handlebars, string source, bool offsetsMatch)
    {
        try
        {
            return handlebars.Compile(source);
        }
        catch (HandlebarsException error)
        {
            var match = Position().Match(error.Message);
            var message = error.Message[..(match.Success ? match.Index : error.Message.Length)].Trim();
            var offset = match.Success && offsetsMatch
                ? OffsetOf(source, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                : -1;
            throw new TemplateSyntaxError(offset, message);
        }
        catch (InvalidOperationException error)
        {
            // Handlebars.Net lets a few malformed inputs escape as LINQ errors ("Sequence contains no matching element").
            throw new TemplateSyntaxError(-1, "malformed template: " + error.Message);
        }
    }

    private static int OffsetOf(string text, int line, int column)
    {
        var offset = 0;
        for (var i = 0; i < line && offset >= 0; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                return -1;
            }
        }

        return Math.Min(offset + column, text.Length);
    }

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex Position();
}
