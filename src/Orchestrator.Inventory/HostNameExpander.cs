using System.Globalization;

namespace Orchestrator.Inventory;

/// <summary>
/// Reads a host key of a YAML inventory as Ansible does: <c>name</c>, <c>name:port</c>, <c>[v6::addr]:port</c>,
/// and ranges <c>web[01:03]</c>, <c>db[a:c]</c>, <c>n[1:9:2]</c> (several ranges multiply).
/// </summary>
internal static class HostNameExpander
{
    private const int MaxHosts = 100_000;
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <returns>An error message, or null when <paramref name="names"/> holds the expanded names.</returns>
    public static string? TryExpand(string key, out List<string> names, out int? port)
    {
        names = [];
        port = null;
        var text = key.Trim();
        if (text.Length == 0)
        {
            return "a host name cannot be empty";
        }

        var portError = SplitPort(ref text, ref port);
        if (portError is not null)
        {
            return portError;
        }

        if (IsBracketedIpv6(text))
        {
            names.Add(text[1..^1]);
            return null;
        }

        return Expand(text, names);
    }

    // "[a:c:2]" is a range; "[::1]" and "[fe80:0:0:0:0:0:0:1]" are addresses.
    private static bool IsBracketedIpv6(string text) =>
        text.StartsWith('[') && text.EndsWith(']')
        && (text.Contains("::", StringComparison.Ordinal) || text.Count(c => c == ':') >= 3);

    private static string? SplitPort(ref string text, ref int? port)
    {
        var colon = LastColonOutsideBrackets(text, out var colonsOutside);
        if (colon < 0 || colonsOutside != 1)
        {
            return null;
        }

        var digits = text[(colon + 1)..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 65535)
        {
            return $"port {digits} is not between 1 and 65535";
        }

        port = value;
        text = text[..colon];
        return null;
    }

    private static int LastColonOutsideBrackets(string text, out int count)
    {
        var depth = 0;
        var last = -1;
        count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[': depth++; break;
                case ']': depth--; break;
                case ':' when depth == 0:
                    last = i;
                    count++;
                    break;
            }
        }

        return last;
    }

    private static string? Expand(string text, List<string> names)
    {
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            if (text.Contains(']', StringComparison.Ordinal))
            {
                return $"host name '{text}' has ']' without '['";
            }

            names.Add(text);
            return names.Count > MaxHosts ? $"host ranges expand to more than {MaxHosts} hosts" : null;
        }

        var close = text.IndexOf(']', open);
        if (close < 0)
        {
            return $"host name '{text}' has '[' without ']'";
        }

        var error = RangeValues(text[(open + 1)..close], out var values);
        if (error is not null)
        {
            return $"host range [{text[(open + 1)..close]}]: {error}";
        }

        foreach (var value in values)
        {
            error = Expand(text[..open] + value + text[(close + 1)..], names);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? RangeValues(string range, out List<string> values)
    {
        values = [];
        var bounds = range.Split(':');
        if (bounds.Length is not (2 or 3))
        {
            return "must be begin:end or begin:end:step";
        }

        var begin = bounds[0].Length == 0 ? "0" : bounds[0];
        var end = bounds[1];
        if (end.Length == 0)
        {
            return "needs an end value";
        }

        var step = 1;
        if (bounds.Length == 3 && (!int.TryParse(bounds[2], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
        {
            return $"step '{bounds[2]}' is not a positive number";
        }

        if (begin.Length == 1 && end.Length == 1 && Letters.Contains(begin[0]) && Letters.Contains(end[0]))
        {
            return LetterRange(Letters.IndexOf(begin[0]), Letters.IndexOf(end[0]), step, values);
        }

        return NumberRange(begin, end, step, values);
    }

    private static string? LetterRange(int first, int last, int step, List<string> values)
    {
        if (first > last)
        {
            return "begin must not be after end";
        }

        for (var i = first; i <= last; i += step)
        {
            values.Add(Letters[i].ToString());
        }

        return null;
    }

    private static string? NumberRange(string begin, string end, int step, List<string> values)
    {
        if (!long.TryParse(begin, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
            || !long.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out var last))
        {
            return "bounds must be numbers or single letters";
        }

        // A leading zero asks for fixed-width names: web[01:10] gives web01..web10.
        var width = begin.Length > 1 && begin[0] == '0' ? begin.Length : 0;
        if (width > 0 && end.Length != width)
        {
            return "begin and end must have the same width when zero-padded";
        }

        if (first > last)
        {
            return "begin must not be after end";
        }

        if ((last - first) / step >= MaxHosts)
        {
            return $"expands to more than {MaxHosts} hosts";
        }

        for (var i = first; i <= last; i += step)
        {
            values.Add(i.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        }

        return null;
    }
}
