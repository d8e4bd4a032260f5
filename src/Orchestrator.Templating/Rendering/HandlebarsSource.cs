using System.Globalization;
using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// What Handlebars.Net actually compiles: the user's text with three invisible rewrites.
/// <list type="bullet">
/// <item>Its <c>{{#each x}}</c> and <c>{{#with x}}</c> silently render nothing when <c>x</c> is undefined, and the
/// built-in block helpers cannot be replaced; so the argument becomes <c>(__defined x)</c>, which fails with
/// "undefined variable" only when the block is actually reached.</item>
/// <item>Braces right after an expression (<c>"cpus": {{ cpus }}}</c>, common in JSON templates) make it reject
/// the template ("Starting and ending handlebars do not match"), even after a comment; they become
/// <c>{{__braces n}}</c>, which writes them back.</item>
/// <item>A decimal literal argument (<c>{{ default ratio 0.5 }}</c>) would arrive as the string "0.5"; it becomes
/// <c>(__float "0.5")</c>, a double.</item>
/// </list>
/// </summary>
internal static class HandlebarsSource
{
    public static string Prepare(string text, IReadOnlyList<Mustache> mustaches)
    {
        var edits = new List<(int Offset, int Length, string Replacement)>();
        foreach (var mustache in mustaches)
        {
            if (mustache.Kind == MustacheKind.BlockOpen && mustache.Name is "each" or "with")
            {
                var tokens = MustacheTokenizer.Tokenize(mustache);
                if (tokens.Count > 1 && tokens[1].Kind == MustacheTokenKind.Word && !tokens[1].IsLiteral)
                {
                    edits.Add((tokens[1].Offset, tokens[1].Text.Length, $"({DefinedGuardHelper.Name} {tokens[1].Text})"));
                }
            }

            if (mustache.Kind is MustacheKind.Expression or MustacheKind.BlockOpen or MustacheKind.Else)
            {
                var tokens = MustacheTokenizer.Tokenize(mustache);
                for (var i = 1; i < tokens.Count; i++)
                {
                    if (tokens[i].IsDecimalLiteral)
                    {
                        edits.Add((tokens[i].Offset, tokens[i].Text.Length, $"({FloatLiteralHelper.Name} \"{tokens[i].Text}\")"));
                    }
                }
            }

            var braces = 0;
            while (mustache.End + braces < text.Length && text[mustache.End + braces] == '}')
            {
                braces++;
            }

            if (braces > 0)
            {
                edits.Add((mustache.End, braces, "{{" + BraceHelper.Name + " " + braces.ToString(CultureInfo.InvariantCulture) + "}}"));
            }
        }

        if (edits.Count == 0)
        {
            return text;
        }

        var result = text;
        foreach (var (offset, length, replacement) in edits.OrderByDescending(edit => edit.Offset))
        {
            result = string.Concat(result.AsSpan(0, offset), replacement, result.AsSpan(offset + length));
        }

        return result;
    }
}
