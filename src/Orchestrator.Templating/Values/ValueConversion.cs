using System.Globalization;

namespace Orchestrator.Templating.Values;

/// <summary>Conversions shared by the <c>int</c> helper and the condition filters.</summary>
internal static class ValueConversion
{
    /// <summary>Whole number from a number, bool or numeric string ("42", " 7 ", "3.9" → 3); false otherwise.</summary>
    public static bool TryToLong(object? value, out long result)
    {
        switch (PlainValue.Scalar(value))
        {
            case long number:
                result = number;
                return true;
            case double number when double.IsFinite(number) && Math.Abs(number) < 9.2e18:
                result = (long)Math.Truncate(number);
                return true;
            case bool flag:
                result = flag ? 1 : 0;
                return true;
            case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                result = parsed;
                return true;
            case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real):
                return TryToLong(real, out result);
            default:
                result = 0;
                return false;
        }
    }

    /// <summary>Ansible's <c>bool</c> filter: yes/on/true/1 (any case) are true, other strings false.</summary>
    public static bool ToBool(object? value) => PlainValue.Scalar(value) switch
    {
        bool flag => flag,
        long number => number == 1,
        double number => number == 1,
        string text => text.Trim().ToLowerInvariant() is "yes" or "on" or "true" or "1" or "y",
        _ => false,
    };
}
