using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Templating.Values;

/// <summary>
/// Writes plain values as block-style YAML (mappings as <c>key: value</c>, lists as <c>- item</c>, nested
/// levels indented by two spaces). A string is written plain only when YAML reads it back as the same string;
/// otherwise it is double-quoted with JSON escapes, which YAML reads identically.
/// </summary>
internal static partial class YamlText
{
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } mapping:
                WriteMapping(text, mapping, 0);
                break;
            case IReadOnlyList<object?> { Count: > 0 } list:
                WriteList(text, list, 0);
                break;
            default:
                text.Append(Scalar(value)).Append('\n');
                break;
        }

        return text.ToString();
    }

    /// <param name="continueLine">True when the first entry goes on the current line, after a list's "- ".</param>
    private static void WriteMapping(StringBuilder text, IReadOnlyDictionary<string, object?> mapping, int indent, bool continueLine = false)
    {
        foreach (var (key, item) in mapping)
        {
            text.Append(' ', continueLine ? 0 : indent);
            continueLine = false;
            text.Append(Scalar(key)).Append(':');
            WriteNested(text, item, indent + 2);
        }
    }

    private static void WriteList(StringBuilder text, IReadOnlyList<object?> list, int indent, bool continueLine = false)
    {
        foreach (var item in list)
        {
            text.Append(' ', continueLine ? 0 : indent);
            continueLine = false;
            text.Append("- ");
            switch (item)
            {
                case IReadOnlyDictionary<string, object?> { Count: > 0 } mapping:
                    WriteMapping(text, mapping, indent + 2, continueLine: true);
                    break;
                case IReadOnlyList<object?> { Count: > 0 } nested:
                    WriteList(text, nested, indent + 2, continueLine: true);
                    break;
                default:
                    text.Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteNested(StringBuilder text, object? item, int indent)
    {
        switch (item)
        {
            case IReadOnlyDictionary<string, object?> { Count: > 0 } mapping:
                text.Append('\n');
                WriteMapping(text, mapping, indent);
                break;
            case IReadOnlyList<object?> { Count: > 0 } list:
                text.Append('\n');
                WriteList(text, list, indent);
                break;
            default:
                text.Append(' ').Append(Scalar(item)).Append('\n');
                break;
        }
    }

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string text => IsPlainSafe(text) ? text : JsonText.Write(text, 0),
        IReadOnlyDictionary<string, object?> => "{}",
        IReadOnlyList<object?> => "[]",
        _ => ValueText.Display(value),
    };

    private static bool IsPlainSafe(string text) =>
        text.Length > 0
        && !char.IsWhiteSpace(text[0])
        && !char.IsWhiteSpace(text[^1])
        && "-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0], StringComparison.Ordinal) < 0
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.Any(char.IsControl)
        && !ReservedWord().IsMatch(text)
        && !NumberLike().IsMatch(text);

    [GeneratedRegex("^(?:~|null|true|false|yes|no|on|off|y|n|<<)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReservedWord();

    [GeneratedRegex(@"^[-+]?(?:\.?[0-9][0-9_:.]*(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLike();
}
