using System.Globalization;

namespace Orchestrator.Core.Values;

/// <summary>A plain value as Ansible prints it into text: strings as they are, numbers invariant, True/False, lists and mappings as compact JSON.</summary>
public static class PlainText
{
    /// <param name="none">The text of null, which differs by place (copy writes "", a loop label shows None).</param>
    public static string Of(object? value, string none) => value switch
    {
        null => none,
        string text => text,
        bool flag => flag ? "True" : "False",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => PlainJson.Write(value),
    };
}
