using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Text;

/// <summary>
/// Playbooks write Python (re) patterns; they run as .NET patterns after rewriting what is spelled differently:
/// <c>(?P&lt;name&gt;…)</c> and plain groups become explicitly numbered groups (Python's numbering),
/// <c>(?P=name)</c> a numbered backreference, <c>{,n}</c> → <c>{0,n}</c>, <c>\Z</c> → <c>\z</c>. Remaining
/// differences: \d, \w and \s also match non-ASCII digits, letters and spaces (Ansible matches bytes, so ASCII
/// only), and Python's (?a)/(?L)/(?u) flags are refused. Every match is bounded by <see cref="MatchTimeout"/>, so a
/// catastrophic pattern fails the task instead of hanging it.
/// </summary>
internal static class PythonRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    /// <exception cref="ArgumentException">The pattern is not valid (the message says why).</exception>
    public static PythonPattern Create(string pattern, RegexOptions options = RegexOptions.None)
    {
        var (converted, names) = Convert(pattern);
        return new PythonPattern(new Regex(converted, options | RegexOptions.CultureInvariant, MatchTimeout), names);
    }

    /// <summary>Compiles the pattern, or says why it cannot: "invalid regexp '(': ...".</summary>
    public static (PythonPattern? Pattern, string? Error) TryCreate(string argument, string pattern, RegexOptions options = RegexOptions.None)
    {
        try
        {
            return (Create(pattern, options), null);
        }
        catch (ArgumentException error)
        {
            return (null, $"invalid {argument} '{pattern}': {error.Message}");
        }
    }

    public static (string Pattern, Dictionary<string, int> GroupNumbers) Convert(string pattern)
    {
        var text = new StringBuilder(pattern.Length + 16);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var inClass = false;
        var groups = 0;
        for (var index = 0; index < pattern.Length; index++)
        {
            var c = pattern[index];
            if (c == '\\' && index + 1 < pattern.Length)
            {
                var escaped = pattern[++index];
                text.Append('\\').Append(!inClass && escaped == 'Z' ? 'z' : escaped);
            }
            else if (inClass)
            {
                inClass = c != ']';
                text.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                index = OpenClass(pattern, index, text);
            }
            else if (c == '(' && !At(pattern, index + 1, "?"))
            {
                text.Append("(?<").Append(++groups).Append('>');
            }
            else if (At(pattern, index, "(?P<") && pattern.IndexOf('>', index) is var nameEnd and > 0)
            {
                names[pattern[(index + 4)..nameEnd]] = ++groups;
                text.Append("(?<").Append(groups).Append('>');
                index = nameEnd;
            }
            else if (At(pattern, index, "(?P=") && pattern.IndexOf(')', index) is var close and > 0)
            {
                var name = pattern[(index + 4)..close];
                text.Append("\\k<").Append(names.TryGetValue(name, out var number) ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : name).Append('>');
                index = close;
            }
            else if (At(pattern, index, "{,") && UpperBoundEnd(pattern, index + 2) is var end and > 0)
            {
                text.Append("{0,").Append(pattern, index + 2, end - index - 1);
                index = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return (text.ToString(), names);
    }

    // A ']' right after '[' or '[^' is a literal member, in both dialects. Returns the last index copied.
    private static int OpenClass(string pattern, int index, StringBuilder text)
    {
        text.Append('[');
        if (At(pattern, index + 1, "^"))
        {
            text.Append(pattern[++index]);
        }

        if (At(pattern, index + 1, "]"))
        {
            text.Append(pattern[++index]);
        }

        return index;
    }

    private static bool At(string pattern, int index, string literal) =>
        index + literal.Length <= pattern.Length && string.CompareOrdinal(pattern, index, literal, 0, literal.Length) == 0;

    // The index of the '}' closing "{,n}" when digits lie between; -1 when this is not a quantifier.
    private static int UpperBoundEnd(string pattern, int start)
    {
        var index = start;
        while (index < pattern.Length && char.IsAsciiDigit(pattern[index]))
        {
            index++;
        }

        return index > start && index < pattern.Length && pattern[index] == '}' ? index : -1;
    }
}
