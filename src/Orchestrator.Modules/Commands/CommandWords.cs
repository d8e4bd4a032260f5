using System.Text;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// Splits a command line into words the way Ansible's command module does (Python's shlex.split, POSIX mode):
/// whitespace separates words; '...' is literal; in "..." a backslash escapes only " and \; outside quotes a
/// backslash escapes any character. Nothing else is special: no variables, globs, pipes or redirections.
/// </summary>
internal static class CommandWords
{
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var index = 0; index < line.Length; index++)
        {
            var c = line[index];
            switch (c)
            {
                case ' ' or '\t' or '\r' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                case '\'':
                    inWord = true;
                    var close = line.IndexOf('\'', index + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"no closing quotation in: {line}");
                    }

                    word.Append(line, index + 1, close - index - 1);
                    index = close;
                    break;
                case '"':
                    inWord = true;
                    index = ReadDoubleQuoted(line, index + 1, word);
                    break;
                case '\\':
                    inWord = true;
                    if (++index >= line.Length)
                    {
                        throw new FormatException($"no escaped character at the end of: {line}");
                    }

                    word.Append(line[index]);
                    break;
                default:
                    inWord = true;
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <returns>The index of the closing quote.</returns>
    private static int ReadDoubleQuoted(string line, int index, StringBuilder word)
    {
        for (; index < line.Length; index++)
        {
            var c = line[index];
            if (c == '"')
            {
                return index;
            }

            if (c == '\\' && index + 1 < line.Length && line[index + 1] is '"' or '\\')
            {
                index++;
                c = line[index];
            }

            word.Append(c);
        }

        throw new FormatException($"no closing quotation in: {line}");
    }
}
