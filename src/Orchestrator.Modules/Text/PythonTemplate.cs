using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Text;

/// <summary>
/// Python's match.expand(template), which lineinfile's backrefs uses: \1..\99 and \g&lt;name&gt; / \g&lt;1&gt; insert
/// groups (an unmatched group inserts nothing), \n \t \r \f \v \a \b \\ are escapes, \0 and three octal digits are
/// an octal character, another backslashed ASCII letter is an error, and any other backslash stays as written.
/// </summary>
internal static class PythonTemplate
{
    /// <exception cref="FormatException">A bad escape or a reference to a group the pattern does not have.</exception>
    public static string Expand(string template, PythonPattern pattern, Match match)
    {
        var text = new StringBuilder(template.Length);
        for (var index = 0; index < template.Length; index++)
        {
            var c = template[index];
            if (c != '\\' || index + 1 == template.Length)
            {
                text.Append(c);
                continue;
            }

            var next = template[++index];
            if (next == 'g' && index + 1 < template.Length && template[index + 1] == '<')
            {
                var close = template.IndexOf('>', index + 2);
                if (close < 0)
                {
                    throw new FormatException("missing '>' in a \\g<...> group reference");
                }

                text.Append(Group(pattern, match, template[(index + 2)..close]));
                index = close;
            }
            else if (char.IsAsciiDigit(next))
            {
                index = Digits(template, index, pattern, match, text);
            }
            else
            {
                text.Append(next switch
                {
                    'n' => "\n",
                    't' => "\t",
                    'r' => "\r",
                    'f' => "\f",
                    'v' => "\v",
                    'a' => "\a",
                    'b' => "\b",
                    '\\' => "\\",
                    _ when char.IsAsciiLetter(next) => throw new FormatException($"bad escape \\{next} in line"),
                    _ => "\\" + next,
                });
            }
        }

        return text.ToString();
    }

    // \0, \0o, \0oo and \ooo are octal characters; otherwise one or two digits name a group. Returns the last index used.
    private static int Digits(string template, int index, PythonPattern pattern, Match match, StringBuilder text)
    {
        var end = index;
        while (end < template.Length && end - index < 3 && char.IsAsciiDigit(template[end]))
        {
            end++;
        }

        var digits = template[index..end];
        if (digits[0] == '0' || (digits.Length == 3 && digits.All(d => d <= '7')))
        {
            var octal = digits.TakeWhile(d => d <= '7').Take(3).ToArray();
            text.Append((char)System.Convert.ToInt32(new string(octal), 8));
            return index + octal.Length - 1;
        }

        var name = digits.Length > 1 ? digits[..2] : digits;
        text.Append(Group(pattern, match, name));
        return index + name.Length - 1;
    }

    private static string Group(PythonPattern pattern, Match match, string reference)
    {
        var group = pattern.Group(match, reference) ?? throw new FormatException($"invalid group reference {reference} in line");
        return group.Success ? group.Value : "";
    }
}
