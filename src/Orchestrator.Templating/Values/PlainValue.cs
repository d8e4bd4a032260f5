using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Values;

/// <summary>
/// Turns whatever rendering produced (lazy views, Handlebars' int literals) into the project's plain values:
/// string, long, double, bool, null, new <see cref="List{T}"/> and ordinal <see cref="Dictionary{TKey,TValue}"/>.
/// Copying through a view renders every lazy template string inside it.
/// </summary>
internal static class PlainValue
{
    public static object? From(object? value) => value switch
    {
        null or string or long or double or bool => value,
        int number => (long)number,
        short number => (long)number,
        float number => (double)number,
        decimal number => (double)number,
        UndefinedBindingResult undefined => throw TemplateFailure.Undefined(undefined.Value),
        IReadOnlyDictionary<string, object?> mapping => CopyMapping(mapping),
        IReadOnlyList<object?> list => list.Select(From).ToList(),
        _ => value,
    };

    /// <summary>Normalises a scalar without copying containers (helper arguments, comparisons).</summary>
    public static object? Scalar(object? value) => value switch
    {
        int number => (long)number,
        short number => (long)number,
        float number => (double)number,
        decimal number => (double)number,
        _ => value,
    };

    private static Dictionary<string, object?> CopyMapping(IReadOnlyDictionary<string, object?> mapping)
    {
        var copy = new Dictionary<string, object?>(mapping.Count, StringComparer.Ordinal);
        foreach (var (key, item) in mapping)
        {
            copy[key] = From(item);
        }

        return copy;
    }
}
