namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Finds the <c>{{ }}</c> of a Handlebars template with their offsets. Handlebars.Net reports few positions,
/// so this is what lets errors point at the failing expression, and what the validator and the lazy/undefined
/// rewrites work on. Raw blocks (<c>{{{{raw}}}}</c>) make the template opaque: <see cref="Scan"/> returns null.
/// </summary>
internal static class MustacheScanner
{
    public static IReadOnlyList<Mustache>? Scan(string text)
    {
        var result = new List<Mustache>();
        var index = 0;
        while ((index = text.IndexOf("{{", index, StringComparison.Ordinal)) >= 0)
        {
            if (index > 0 && text[index - 1] == '\\' && (index < 2 || text[index - 2] != '\\'))
            {
                index += 2;
                continue;
            }

            if (At(text, index, "{{{{"))
            {
                return null;
            }

            var mustache = At(text, index, "{{!--") ? Comment(text, index, "--}}")
                : At(text, index, "{{!") || At(text, index, "{{~!") ? Comment(text, index, "}}")
                : Expression(text, index);
            result.Add(mustache);
            index = mustache.End;
        }

        return result;
    }

    private static Mustache Comment(string text, int start, string terminator)
    {
        var close = text.IndexOf(terminator, start + 3, StringComparison.Ordinal);
        if (close < 0)
        {
            throw new TemplateSyntaxError(start, "comment '{{!' is never closed");
        }

        return new Mustache(start, close + terminator.Length, MustacheKind.Comment, "", start);
    }

    private static Mustache Expression(string text, int start)
    {
        var triple = At(text, start, "{{{");
        var terminator = triple ? "}}}" : "}}";
        var bodyStart = start + (triple ? 3 : 2);
        var close = FindClose(text, bodyStart, terminator);
        if (close < 0)
        {
            throw new TemplateSyntaxError(start, $"'{text.Substring(start, triple ? 3 : 2)}' is never closed with '{terminator}'");
        }

        var from = bodyStart;
        var to = close;
        if (from < to && text[from] == '~')
        {
            from++;
        }

        if (to > from && text[to - 1] == '~')
        {
            to--;
        }

        from = SkipSpace(text, from, to);
        var kind = MustacheKind.Expression;
        if (!triple && from < to)
        {
            kind = text[from] switch
            {
                '#' when from + 1 < to && text[from + 1] == '*' => MustacheKind.Decorator,
                '#' when from + 1 < to && text[from + 1] == '>' => MustacheKind.Partial,
                '#' => MustacheKind.BlockOpen,
                '^' => MustacheKind.InverseOpen,
                '/' => MustacheKind.BlockClose,
                '>' => MustacheKind.Partial,
                '*' => MustacheKind.Decorator,
                '&' => MustacheKind.Expression,
                _ => MustacheKind.Expression,
            };
            if (kind != MustacheKind.Expression || text[from] == '&')
            {
                from = SkipSpace(text, from + 1, to);
            }
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        var body = text[from..to];
        if (kind == MustacheKind.InverseOpen && body.Length == 0)
        {
            kind = MustacheKind.Else;
        }
        else if (kind == MustacheKind.Expression && (body == "else" || body.StartsWith("else ", StringComparison.Ordinal)))
        {
            kind = MustacheKind.Else;
        }

        return new Mustache(start, close + terminator.Length, kind, body, from);
    }

    /// <summary>The closing braces, skipping quoted strings (a <c>"}}"</c> argument does not end the expression).</summary>
    private static int FindClose(string text, int from, string terminator)
    {
        var quote = '\0';
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '}' && At(text, i, terminator))
            {
                return i;
            }
            else if (c == '{' && At(text, i, "{{"))
            {
                return -1;
            }
        }

        return -1;
    }

    private static int SkipSpace(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    private static bool At(string text, int index, string token) =>
        string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
