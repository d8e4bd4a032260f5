using System.Globalization;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>version_lt a b</c>: true when version a sorts before b. Versions are split at <c>.</c>, <c>-</c>, <c>+</c>,
/// <c>~</c> and <c>:</c>; numeric parts compare as numbers, others ordinally, a missing part counts as 0
/// (<c>1.4.9 &lt; 1.5.0</c>, <c>3.4.14 &lt; 3.5</c>, <c>v1.10 &gt; v1.9</c> after a leading <c>v</c> is dropped).
/// </summary>
internal static class VersionHelper
{
    private static readonly char[] Separators = ['.', '-', '+', '~', ':'];

    public static object? Less(HelperArguments args)
    {
        args.Expect(2, 2, "version_lt a b");
        return Compare(args.Text(0), args.Text(1)) < 0;
    }

    internal static int Compare(string left, string right)
    {
        var a = Parts(left);
        var b = Parts(right);
        for (var index = 0; index < Math.Max(a.Length, b.Length); index++)
        {
            var x = index < a.Length ? a[index] : "0";
            var y = index < b.Length ? b[index] : "0";
            var order = long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                && long.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? m.CompareTo(n)
                : string.CompareOrdinal(x, y);
            if (order != 0)
            {
                return Math.Sign(order);
            }
        }

        return 0;
    }

    private static string[] Parts(string version)
    {
        var text = version.Trim();
        if (text.Length > 1 && text[0] is 'v' or 'V' && char.IsAsciiDigit(text[1]))
        {
            text = text[1..];
        }

        return text.Split(Separators);
    }
}
