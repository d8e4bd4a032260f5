using System.Globalization;
using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Values;

/// <summary>
/// How a value reads when it lands inside a larger string: booleans are lowercase <c>true</c>/<c>false</c>
/// (Handlebars' and YAML's spelling, not Python's), whole numbers without a fraction, floats always with one
/// (so YAML <c>1.0</c> stays <c>1.0</c>), null as nothing, lists and mappings as compact JSON.
/// </summary>
internal static class ValueText
{
    public static string Display(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => FormatDouble(number),
        float number => FormatDouble(number),
        UndefinedBindingResult undefined => throw TemplateFailure.Undefined(undefined.Value),
        IReadOnlyDictionary<string, object?> or IReadOnlyList<object?> => JsonText.Write(value, 0),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string FormatDouble(double number)
    {
        if (double.IsNaN(number))
        {
            return "nan";
        }

        if (double.IsInfinity(number))
        {
            return number > 0 ? "inf" : "-inf";
        }

        var text = number.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny(".En") < 0 ? text + ".0" : text;
    }

    /// <summary>A short description of a value for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"string '{(text.Length > 40 ? text[..40] + "..." : text)}'",
        bool flag => flag ? "true" : "false",
        long or int or double or float => $"number {Display(value)}",
        IReadOnlyDictionary<string, object?> => "a mapping",
        IReadOnlyList<object?> => "a list",
        _ => value.GetType().Name,
    };
}
