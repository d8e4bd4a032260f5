using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Templating.Helpers;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// A template of literal text and plain variable paths only (<c>{{ bench_root }}/etc/mesos</c>: most strings in a
/// playbook), rendered by looking the paths up directly instead of through Handlebars, which would run its
/// (interpreted) template for every host. Only strings, numbers and booleans are written here, whose output is
/// certain; anything else (an undefined or null value, a list, a mapping) makes <see cref="TryRender"/> decline, and the caller
/// renders the whole template with Handlebars, so output and errors stay exactly Handlebars' own.
/// Such a template also always compiles, so checking it needs no Handlebars compile either.
/// </summary>
internal sealed partial class PlainTextTemplate
{
    private readonly string[] literals;
    private readonly string[][] paths;

    private PlainTextTemplate(string[] literals, string[][] paths)
    {
        this.literals = literals;
        this.paths = paths;
    }

    /// <returns>Null unless every mustache is a plain <c>{{ a.b }}</c> path (no helper name, whitespace control or
    /// triple braces) and the text between them has no braces or backslashes.</returns>
    public static PlainTextTemplate? Detect(string text, IReadOnlyList<Mustache> mustaches)
    {
        var literals = new string[mustaches.Count + 1];
        var paths = new string[mustaches.Count][];
        var position = 0;
        for (var i = 0; i < mustaches.Count; i++)
        {
            var mustache = mustaches[i];
            if (mustache.Kind != MustacheKind.Expression || text[mustache.Start + 2] is '{' or '~' || text[mustache.End - 3] == '~'
                || !PlainLiteral(text, position, mustache.Start, out literals[i]))
            {
                return null;
            }

            var tokens = MustacheTokenizer.Tokenize(mustache);
            if (tokens.Count != 1 || !tokens[0].IsRootPath || !PlainPath().IsMatch(tokens[0].Text))
            {
                return null;
            }

            paths[i] = tokens[0].Text.Split('.');
            if (HelperRegistry.IsKnown(paths[i][0]))
            {
                // Handlebars would call the helper, not read the variable.
                return null;
            }

            position = mustache.End;
        }

        return PlainLiteral(text, position, text.Length, out literals[^1]) ? new PlainTextTemplate(literals, paths) : null;
    }

    public bool TryRender(object root, [NotNullWhen(true)] out string? text)
    {
        var builder = new StringBuilder(literals[0]);
        for (var i = 0; i < paths.Length; i++)
        {
            if (PathLookup.TryResolve(root, paths[i], out var value) >= 0 || Written(value) is not { } written)
            {
                text = null;
                return false;
            }

            builder.Append(written).Append(literals[i + 1]);
        }

        text = builder.ToString();
        return true;
    }

    /// <summary>What Handlebars writes for the value: strings as they are, and what <see cref="ValueFormatter"/>
    /// formats (booleans, floats); whole numbers as Handlebars' invariant formatting writes them. Null otherwise.</summary>
    private static string? Written(object? value) => value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool or double => ValueText.Display(value),
        _ => null,
    };

    private static bool PlainLiteral(string text, int from, int to, out string literal)
    {
        literal = text[from..to];
        return literal.AsSpan().IndexOfAny("{}\\") < 0;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")]
    private static partial Regex PlainPath();
}
