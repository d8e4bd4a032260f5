using System.Globalization;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Conditions;

/// <summary>
/// The few Jinja filters conditions commonly use: <c>default(x)</c>/<c>d(x)</c> (Jinja's rule: only an undefined
/// value is replaced, or any false one with <c>default(x, true)</c>), <c>length</c>/<c>count</c>, <c>int</c>,
/// <c>float</c>, <c>bool</c>, <c>string</c>, <c>lower</c>, <c>upper</c>, <c>trim</c>, <c>first</c>, <c>last</c>.
/// </summary>
internal static class ConditionFilters
{
    private static readonly Dictionary<string, (int Min, int Max)> Arity = new(StringComparer.Ordinal)
    {
        ["default"] = (1, 2), ["d"] = (1, 2), ["length"] = (0, 0), ["count"] = (0, 0), ["int"] = (0, 1),
        ["float"] = (0, 0), ["bool"] = (0, 0), ["string"] = (0, 0), ["lower"] = (0, 0), ["upper"] = (0, 0),
        ["trim"] = (0, 0), ["first"] = (0, 0), ["last"] = (0, 0),
    };

    public static void CheckUsage(ConditionToken name, int argumentCount)
    {
        if (!Arity.TryGetValue(name.Text, out var arity))
        {
            throw new ConditionFailure(name.Offset, $"unknown filter '{name.Text}' (known: {string.Join(", ", Arity.Keys.Order(StringComparer.Ordinal))})");
        }

        if (argumentCount < arity.Min || argumentCount > arity.Max)
        {
            throw new ConditionFailure(name.Offset, FormattableString.Invariant($"filter '{name.Text}' takes {arity.Min} to {arity.Max} arguments, got {argumentCount}"));
        }
    }

    /// <param name="value">The filtered value, possibly <see cref="UndefinedValue"/> (only default accepts it).</param>
    public static object? Apply(FilterExpr filter, object? value, IReadOnlyList<object?> arguments)
    {
        if (filter.Filter is "default" or "d")
        {
            var replaceFalse = arguments.Count > 1 && Truthiness.IsTrue(arguments[1]);
            return value is UndefinedValue || (replaceFalse && !Truthiness.IsTrue(value)) ? arguments[0] : value;
        }

        if (value is UndefinedValue undefined)
        {
            throw new ConditionFailure(undefined.Offset, $"undefined variable '{undefined.Name}'");
        }

        return filter.Filter switch
        {
            "length" or "count" => value switch
            {
                string text => (long)text.Length,
                IReadOnlyList<object?> list => (long)list.Count,
                IReadOnlyDictionary<string, object?> mapping => (long)mapping.Count,
                _ => throw Fail(filter, $"{ValueText.Describe(value)} has no length"),
            },
            "int" => ValueConversion.TryToLong(value, out var number) ? number
                : arguments.Count > 0 ? arguments[0] : throw Fail(filter, $"{ValueText.Describe(value)} is not a number"),
            "float" => ToDouble(filter, value),
            "bool" => ValueConversion.ToBool(value),
            "string" => ValueText.Display(value),
            "lower" => ValueText.Display(value).ToLowerInvariant(),
            "upper" => ValueText.Display(value).ToUpperInvariant(),
            "trim" => ValueText.Display(value).Trim(),
            "first" or "last" => Pick(filter, value),
            _ => throw Fail(filter, "unknown filter"),
        };
    }

    private static double ToDouble(FilterExpr filter, object? value) => PlainValue.Scalar(value) switch
    {
        long number => number,
        double number => number,
        string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        var other => throw Fail(filter, $"{ValueText.Describe(other)} is not a number"),
    };

    private static object? Pick(FilterExpr filter, object? value) => value switch
    {
        IReadOnlyList<object?> { Count: > 0 } list => filter.Filter == "first" ? list[0] : list[^1],
        string { Length: > 0 } text => (filter.Filter == "first" ? text[0] : text[^1]).ToString(),
        _ => throw Fail(filter, $"{ValueText.Describe(value)} has no {filter.Filter} item"),
    };

    private static ConditionFailure Fail(FilterExpr filter, string message) => new(filter.Offset, $"filter '{filter.Filter}': {message}");
}
