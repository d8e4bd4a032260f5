using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Apt;

/// <summary>fnmatch-style matching of package versions (<c>*</c>, <c>?</c>, <c>[...]</c>), as Ansible's apt matches <c>pkg=1.4.*</c>.</summary>
internal static class VersionGlob
{
    public static bool Matches(string glob, string version) => Regex.IsMatch(version, ToRegex(glob), RegexOptions.CultureInvariant);

    private static string ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var index = 0; index < glob.Length; index++)
        {
            var c = glob[index];
            var close = c == '[' ? glob.IndexOf(']', index + 1) : -1;
            if (c == '*')
            {
                pattern.Append(".*");
            }
            else if (c == '?')
            {
                pattern.Append('.');
            }
            else if (close > index + 1)
            {
                var set = glob[(index + 1)..close];
                pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                index = close;
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return pattern.Append('$').ToString();
    }
}
