using System.Text;

namespace Orchestrator.Output.Console;

/// <summary>A small version of Python's textwrap.wrap, which ansible uses for warnings (hyphens are not break points here).</summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var token in Tokens(text))
        {
            var isSpace = token[0] == ' ';
            if (line.Length + token.Length <= width)
            {
                if (!(isSpace && line.Length == 0 && lines.Count > 0))
                {
                    line.Append(token);
                }

                continue;
            }

            if (isSpace)
            {
                Emit(lines, line);
                continue;
            }

            var rest = token;
            if (token.Length > width)
            {
                // break_long_words: fill the current line, then whole lines of the word.
                var room = width - line.Length;
                line.Append(rest[..room]);
                rest = rest[room..];
                Emit(lines, line);
                while (rest.Length > width)
                {
                    lines.Add(rest[..width]);
                    rest = rest[width..];
                }
            }
            else
            {
                Emit(lines, line);
            }

            line.Append(rest);
        }

        Emit(lines, line);
        return lines;
    }

    private static void Emit(List<string> lines, StringBuilder line)
    {
        var text = line.ToString().TrimEnd(' ');
        if (text.Length > 0)
        {
            lines.Add(text);
        }

        line.Clear();
    }

    private static IEnumerable<string> Tokens(string text)
    {
        var normalised = new string(text.Select(c => char.IsWhiteSpace(c) ? ' ' : c).ToArray());
        var start = 0;
        for (var i = 1; i <= normalised.Length; i++)
        {
            if (i == normalised.Length || (normalised[i] == ' ') != (normalised[start] == ' '))
            {
                yield return normalised[start..i];
                start = i;
            }
        }
    }
}
