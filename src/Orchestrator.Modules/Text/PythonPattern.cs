using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Text;

/// <summary>
/// A Python pattern compiled for .NET. Every capturing group is numbered explicitly in Python's order (left to
/// right, named ones included: .NET would number named groups last), and names map to those numbers.
/// </summary>
internal sealed record PythonPattern(Regex Regex, IReadOnlyDictionary<string, int> GroupNumbers)
{
    public bool IsMatch(string text) => Regex.IsMatch(text);

    public Match Match(string text) => Regex.Match(text);

    /// <summary>The groups of a match as Python's m.groups(): group 1 onwards, null for a group that did not take part.</summary>
    public List<object?> Groups(Match match) =>
        Enumerable.Range(1, Math.Max(0, match.Groups.Count - 1))
            .Select(n => match.Groups[n].Success ? (object?)match.Groups[n].Value : null)
            .ToList();

    /// <summary>Python's m.groupdict(): the named groups.</summary>
    public Dictionary<string, object?> GroupDictionary(Match match) =>
        GroupNumbers.ToDictionary(p => p.Key, p => match.Groups[p.Value].Success ? (object?)match.Groups[p.Value].Value : null, StringComparer.Ordinal);

    /// <summary>The group a template names: a number or a name; null when the pattern has no such group.</summary>
    public Group? Group(Match match, string reference)
    {
        if (int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number < match.Groups.Count ? match.Groups[number] : null;
        }

        return GroupNumbers.TryGetValue(reference, out var named) ? match.Groups[named] : null;
    }
}
