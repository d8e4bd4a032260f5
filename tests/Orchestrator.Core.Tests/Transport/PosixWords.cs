using System.Text;

namespace Orchestrator.Core.Tests.Transport;

/// <summary>
/// Splits a command line into words as a POSIX shell does for quoting (no expansions: they must not occur
/// in quoted output). Throws when the text would make the shell expand or run something.
/// </summary>
internal static class PosixWords
{
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\'':
                    var end = text.IndexOf('\'', i + 1);
                    if (end < 0)
                    {
                        throw new FormatException("unterminated single quote");
                    }

                    current.Append(text, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                case '"':
                    i = ReadDoubleQuoted(text, i + 1, current);
                    inWord = true;
                    break;
                case '\\':
                    if (i + 1 >= text.Length)
                    {
                        throw new FormatException("trailing backslash");
                    }

                    if (text[i + 1] != '\n')
                    {
                        current.Append(text[i + 1]);
                        inWord = true;
                    }

                    i++;
                    break;
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(current.ToString());
                        current.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    if ("$`|&;<>()*?[]{}~#!\r".Contains(c, StringComparison.Ordinal))
                    {
                        throw new FormatException($"unquoted special character '{c}' at {i}");
                    }

                    current.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static int ReadDoubleQuoted(string text, int start, StringBuilder current)
    {
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"':
                    return i;
                case '$' or '`':
                    throw new FormatException("expansion inside double quotes");
                case '\\' when i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`':
                    current.Append(text[++i]);
                    break;
                default:
                    current.Append(text[i]);
                    break;
            }
        }

        throw new FormatException("unterminated double quote");
    }
}
