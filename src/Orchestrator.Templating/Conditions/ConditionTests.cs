using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Conditions;

/// <summary>
/// The <c>is</c> tests. The result tests read a registered result (a mapping with changed/failed/skipped keys,
/// missing keys counting as false); <c>succeeded</c> and <c>success</c> mean "not failed", as in Ansible.
/// </summary>
internal static class ConditionTests
{
    private static readonly HashSet<string> Known = new(
        ["defined", "undefined", "none", "changed", "failed", "succeeded", "success", "skipped",
            "string", "number", "boolean", "mapping", "sequence", "iterable", "true", "false"],
        StringComparer.Ordinal);

    public static IEnumerable<string> Names => Known.Order(StringComparer.Ordinal);

    public static bool IsKnown(string name) => Known.Contains(name);

    /// <param name="value">The tested value, possibly <see cref="UndefinedValue"/>.</param>
    public static bool Apply(TestExpr test, object? value)
    {
        if (test.Test is "defined" or "undefined")
        {
            return value is UndefinedValue == (test.Test == "undefined");
        }

        if (value is UndefinedValue undefined)
        {
            throw new ConditionFailure(undefined.Offset, $"undefined variable '{undefined.Name}'");
        }

        return test.Test switch
        {
            "none" => value is null,
            "changed" => ResultFlag(test, value, "changed"),
            "failed" => ResultFlag(test, value, "failed"),
            "succeeded" or "success" => !ResultFlag(test, value, "failed"),
            "skipped" => ResultFlag(test, value, "skipped"),
            "string" => value is string,
            "number" => value is long or double,
            "boolean" => value is bool,
            "true" => value is true,
            "false" => value is false,
            "mapping" => value is IReadOnlyDictionary<string, object?>,
            "sequence" or "iterable" => value is string or IReadOnlyList<object?> or IReadOnlyDictionary<string, object?>,
            _ => throw new ConditionFailure(test.Offset, $"unknown test '{test.Test}'"),
        };
    }

    private static bool ResultFlag(TestExpr test, object? value, string key)
    {
        if (value is not IReadOnlyDictionary<string, object?> result)
        {
            throw new ConditionFailure(test.Target.Offset, $"'is {test.Test}' needs a registered result (a mapping), got {ValueText.Describe(value)}");
        }

        return result.TryGetValue(key, out var flag) && Truthiness.IsTrue(flag);
    }
}
