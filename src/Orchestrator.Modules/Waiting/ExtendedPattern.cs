using System.Text;

namespace Orchestrator.Modules.Waiting;

/// <summary>
/// A Python pattern in the POSIX ERE spelling GNU grep -E reads, for hosts with neither grep -P nor python3:
/// \d and \D become [0-9] and [^0-9], (?:…) and (?P&lt;name&gt;…) plain groups, and inside brackets (where ERE
/// takes a backslash literally) \d becomes 0-9 and other escapes their character. Lookarounds and
/// backreferences have no ERE form and are left as they are (grep then reports an error: no match).
/// </summary>
internal static class ExtendedPattern
{
    public static string FromPython(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var index = 0; index < pattern.Length; index++)
        {
            var c = pattern[index];
            if (c == '\\' && index + 1 < pattern.Length)
            {
                var escaped = pattern[++index];
                text.Append((inClass, escaped) switch
                {
                    (true, 'd') => "0-9",
                    (true, _) => escaped.ToString(),
                    (false, 'd') => "[0-9]",
                    (false, 'D') => "[^0-9]",
                    _ => "\\" + escaped,
                });
            }
            else if (inClass)
            {
                inClass = c != ']';
                text.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                text.Append(c);
                if (index + 1 < pattern.Length && pattern[index + 1] == '^')
                {
                    text.Append(pattern[++index]);
                }
            }
            else if (c == '(' && pattern.AsSpan(index).StartsWith("(?:"))
            {
                text.Append('(');
                index += 2;
            }
            else if (c == '(' && pattern.AsSpan(index).StartsWith("(?P<") && pattern.IndexOf('>', index) is var close and > 0)
            {
                text.Append('(');
                index = close;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
