using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>duration_ms d</c>: a Mesos duration (<c>10mins</c>, <c>1.5secs</c>, <c>500ms</c>; units ns us ms secs mins
/// hrs days weeks, as stout's Duration parses them) in whole milliseconds; a bare number is taken as milliseconds.
/// Lets the content check that Marathon's task launch timeout is at least the agents' executor timeout.
/// </summary>
internal static partial class DurationHelper
{
    private static readonly Dictionary<string, double> Milliseconds = new(StringComparer.Ordinal)
    {
        ["ns"] = 1e-6, ["us"] = 1e-3, ["ms"] = 1, ["secs"] = 1e3, ["mins"] = 60e3, ["hrs"] = 3600e3,
        ["days"] = 86400e3, ["weeks"] = 604800e3,
    };

    public static object? Invoke(HelperArguments args)
    {
        args.Expect(1, 1, "duration_ms duration");
        if (args.Value(0) is long number)
        {
            return number;
        }

        var text = args.Text(0).Trim();
        var match = DurationPattern().Match(text);
        if (!match.Success || !Milliseconds.TryGetValue(match.Groups[2].Value.Length == 0 ? "ms" : match.Groups[2].Value, out var unit))
        {
            throw args.Fail($"'{text}' is not a duration (a number and one of ns us ms secs mins hrs days weeks)");
        }

        return (long)Math.Floor(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * unit);
    }

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)([a-z]*)$")]
    private static partial Regex DurationPattern();
}
