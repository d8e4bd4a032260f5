using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Core.Matching;

/// <summary>
/// Shell-style globs (<c>*</c>, <c>?</c>, <c>[abc]</c>, <c>[a-z]</c>, <c>[!abc]</c>) as Python's fnmatch reads them,
/// case-sensitive as on POSIX: host patterns, apt's <c>pkg=1.4.*</c> and <c>--start-at-task</c>, where Ansible uses fnmatch.
/// </summary>
public static class Glob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static bool IsGlob(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>Whether the whole of <paramref name="text"/> matches <paramref name="glob"/>.</summary>
    public static bool IsMatch(string glob, string text) =>
        Regex.IsMatch(text, ToRegex(glob), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout);

    public static string ToRegex(string glob)
    {
        var result = new StringBuilder(@"\A(?:");
        var i = 0;
        while (i < glob.Length)
        {
            var c = glob[i++];
            switch (c)
            {
                case '*':
                    result.Append(".*");
                    break;
                case '?':
                    result.Append('.');
                    break;
                case '[':
                    i = AppendClass(glob, i, result);
                    break;
                default:
                    result.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return result.Append(@")\z").ToString();
    }

    /// <returns>The index after the class; an unclosed '[' is a literal.</returns>
    private static int AppendClass(string glob, int start, StringBuilder result)
    {
        var end = start;
        if (end < glob.Length && glob[end] == '!')
        {
            end++;
        }

        if (end < glob.Length && glob[end] == ']')
        {
            end++;
        }

        while (end < glob.Length && glob[end] != ']')
        {
            end++;
        }

        if (end >= glob.Length)
        {
            result.Append(@"\[");
            return start;
        }

        var members = glob[start..end].Replace(@"\", @"\\", StringComparison.Ordinal).Replace("[", @"\[", StringComparison.Ordinal);
        if (members.StartsWith('!'))
        {
            members = "^" + members[1..];
        }
        else if (members.StartsWith('^'))
        {
            members = @"\" + members;
        }

        result.Append('[').Append(members).Append(']');
        return end + 1;
    }
}
