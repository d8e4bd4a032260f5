using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Matching;

namespace Orchestrator.Inventory;

/// <summary>
/// Parses host patterns (SPEC §3, Ansible's language): parts separated by ':' or ',' outside brackets; a part is
/// a name, a glob, or a regular expression after '~'; '&amp;' intersects, '!' excludes; <c>name[i]</c> and
/// <c>name[a:b]</c> pick by position. Malformed patterns are located errors.
/// </summary>
internal static partial class HostPatternParser
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<PatternTerm> Parse(string pattern, SourceLocation location)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new UserErrorException(location, "a host pattern cannot be empty");
        }

        return Split(pattern, location).Select(part => ParsePart(part, pattern, location)).ToList();
    }

    private static List<string> Split(string pattern, SourceLocation location)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var closers = new Stack<char>();
        var regex = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '~' && current.ToString().Trim().TrimStart('&', '!').Trim().Length == 0)
            {
                regex = true;
            }

            if (regex && c == '\\' && i + 1 < pattern.Length)
            {
                current.Append(c).Append(pattern[++i]);
                continue;
            }

            if (closers.Count == 0 && c is ':' or ',')
            {
                parts.Add(current.ToString());
                current.Clear();
                regex = false;
                continue;
            }

            TrackBrackets(c, regex, closers, pattern, location);
            current.Append(c);
        }

        if (closers.Count > 0)
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': a bracket is not closed (expected '{closers.Peek()}')");
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static void TrackBrackets(char c, bool regex, Stack<char> closers, string pattern, SourceLocation location)
    {
        var inClass = closers.Count > 0 && closers.Peek() == ']';
        if (c == '[' && !inClass)
        {
            closers.Push(']');
        }
        else if (regex && !inClass && c is '(' or '{')
        {
            closers.Push(c == '(' ? ')' : '}');
        }
        else if (c is ']' || (regex && !inClass && c is ')' or '}'))
        {
            if (closers.Count == 0 || closers.Peek() != c)
            {
                throw new UserErrorException(location, $"host pattern '{pattern}': '{c}' has no matching opening bracket");
            }

            closers.Pop();
        }
    }

    private static PatternTerm ParsePart(string raw, string pattern, SourceLocation location)
    {
        var part = raw.Trim();
        if (part.Length == 0)
        {
            throw new UserErrorException(location, $"host pattern '{pattern}' has an empty part (between, before or after ':' or ',')");
        }

        var op = part[0] switch
        {
            '&' => PatternOperator.Intersection,
            '!' => PatternOperator.Exclusion,
            _ => PatternOperator.Union,
        };
        var body = op == PatternOperator.Union ? part : part[1..].Trim();
        if (body.Length == 0)
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': '{part[0]}' needs a name or pattern after it");
        }

        if (body[0] is '&' or '!')
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': '{part}' has more than one of '&' and '!'");
        }

        return body[0] == '~' ? RegexTerm(op, body, pattern, location) : NameTerm(op, body, pattern, location);
    }

    private static PatternTerm RegexTerm(PatternOperator op, string body, string pattern, SourceLocation location)
    {
        try
        {
            // Python's re.match, as Ansible uses: anchored at the start only.
            var regex = new Regex(@"\A(?:" + body[1..] + ")", RegexOptions.CultureInvariant, MatchTimeout);
            return new PatternTerm(op, body, regex, null);
        }
        catch (ArgumentException ex)
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': '{body}' is not a valid regular expression: {ex.Message}");
        }
    }

    private static PatternTerm NameTerm(PatternOperator op, string body, string pattern, SourceLocation location)
    {
        if (body.Any(char.IsWhiteSpace))
        {
            throw new UserErrorException(location, $"host pattern '{pattern}': '{body}' contains a space; separate parts with ':' or ','");
        }

        PatternSubscript? subscript = null;
        var match = SubscriptSyntax().Match(body);
        if (match.Success)
        {
            body = match.Groups["expr"].Value;
            subscript = match.Groups["index"].Success
                ? new PatternSubscript(Number(match.Groups["index"].Value, pattern, location), null, false)
                : new PatternSubscript(
                    Number(match.Groups["start"].Value, pattern, location),
                    match.Groups["end"].Value.Length == 0 ? null : Number(match.Groups["end"].Value, pattern, location),
                    true);
        }

        var matcher = Glob.IsGlob(body)
            ? new Regex(Glob.ToRegex(body), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout)
            : null;
        return new PatternTerm(op, body, matcher, subscript);
    }

    private static int Number(string text, string pattern, SourceLocation location) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UserErrorException(location, $"host pattern '{pattern}': subscript {text} is too large");

    [GeneratedRegex(@"\A(?<expr>.+)\[(?:(?<index>-?[0-9]+)|(?<start>[0-9]+):(?<end>[0-9]*))\]\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptSyntax();
}
