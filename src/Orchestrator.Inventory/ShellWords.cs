using System.Text;

namespace Orchestrator.Inventory;

/// <summary>Splits a string into words as a POSIX shell (and Python's shlex.split) does: quotes and backslashes respected.</summary>
internal static class ShellWords
{
    /// <returns>An error message, or null when <paramref name="words"/> holds the words.</returns>
    public static string? TrySplit(string text, out List<string> words)
    {
        words = [];
        var word = new StringBuilder();
        var inWord = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            switch (c)
            {
                case '\'':
                    var close = text.IndexOf('\'', i);
                    if (close < 0)
                    {
                        return "a single quote is not closed";
                    }

                    word.Append(text, i, close - i);
                    i = close + 1;
                    break;
                case '"':
                    var error = ReadDoubleQuoted(text, ref i, word);
                    if (error is not null)
                    {
                        return error;
                    }

                    break;
                case '\\':
                    if (i >= text.Length)
                    {
                        return "it ends with a lone backslash";
                    }

                    word.Append(text[i++]);
                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return null;
    }

    // Inside double quotes a backslash only escapes '"' and '\' (shlex's posix mode).
    private static string? ReadDoubleQuoted(string text, ref int i, StringBuilder word)
    {
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '"')
            {
                return null;
            }

            if (c == '\\' && i < text.Length && text[i] is '"' or '\\')
            {
                word.Append(text[i++]);
                continue;
            }

            word.Append(c);
        }

        return "a double quote is not closed";
    }
}
