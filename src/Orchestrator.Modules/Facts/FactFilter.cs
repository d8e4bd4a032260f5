using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Facts;

/// <summary>setup's filter: shell-style patterns (* ? [abc]) on fact names; an "ansible_" prefix is ignored, so Ansible's filters work.</summary>
internal static class FactFilter
{
    public static Dictionary<string, object?> Apply(Dictionary<string, object?> facts, IReadOnlyList<string> patterns)
    {
        var wanted = patterns.Where(p => p.Length > 0).ToList();
        if (wanted.Count == 0)
        {
            return facts;
        }

        var matchers = wanted.Select(Compile).ToList();
        return facts.Where(f => matchers.Exists(m => m.IsMatch(f.Key)))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    private static Regex Compile(string pattern)
    {
        var name = pattern.StartsWith("ansible_", StringComparison.Ordinal) ? pattern["ansible_".Length..] : pattern;
        var text = new StringBuilder("^");
        for (var index = 0; index < name.Length; index++)
        {
            var c = name[index];
            var close = c == '[' ? name.IndexOf(']', index + 1) : -1;
            if (close > index + 1)
            {
                var members = name[(index + 1)..close];
                text.Append('[').Append(members.StartsWith('!') ? "^" + Regex.Escape(members[1..]) : Regex.Escape(members)).Append(']');
                index = close;
                continue;
            }

            text.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
        }

        return new Regex(text.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
