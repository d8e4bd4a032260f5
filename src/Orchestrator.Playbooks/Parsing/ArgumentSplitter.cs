namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// Splits "src=a dest='b c' {{ x }}" into words the way Ansible's split_args does: whitespace separates words
/// except inside quotes or a {{ }} / {% %} block.
/// </summary>
internal static class ArgumentSplitter
{
    /// <returns>The words, or null with <paramref name="errorIndex"/> at an unterminated quote.</returns>
    public static IReadOnlyList<ArgumentToken>? Split(string text, out int errorIndex)
    {
        var tokens = new List<ArgumentToken>();
        errorIndex = -1;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            if (!ScanWord(text, ref i, out var quoteStart))
            {
                errorIndex = quoteStart;
                return null;
            }

            tokens.Add(new ArgumentToken(text[start..i], start, i));
        }

        return tokens;
    }

    private static bool ScanWord(string text, ref int i, out int quoteStart)
    {
        char? quote = null;
        quoteStart = -1;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (quote is not null)
            {
                if (c == '\\' && next != '\0')
                {
                    i += 2;
                    continue;
                }

                if (c == quote)
                {
                    quote = null;
                }

                i++;
                continue;
            }

            if (depth == 0 && char.IsWhiteSpace(c))
            {
                break;
            }

            if (c == '{' && next is '{' or '%')
            {
                depth++;
                i += 2;
                continue;
            }

            if (depth > 0 && c is '}' or '%' && next == '}')
            {
                depth--;
                i += 2;
                continue;
            }

            if (c is '"' or '\'')
            {
                quote = c;
                quoteStart = i;
            }

            i++;
        }

        return quote is null;
    }
}
