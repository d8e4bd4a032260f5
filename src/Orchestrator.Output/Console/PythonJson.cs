using System.Collections;
using System.Globalization;
using System.Text;

namespace Orchestrator.Output.Console;

/// <summary>
/// Formats plain values as Python's json.dumps(sort_keys=True, ensure_ascii=False) does, which is what
/// ansible's callbacks print after " => ": ", " and ": " separators, or 4-space indentation at -vvv.
/// </summary>
internal static class PythonJson
{
    public static string Format(object? value, int indent = 0)
    {
        var text = new StringBuilder();
        Write(text, value, indent, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int indent, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case string s:
                WriteString(text, s);
                break;
            case double d:
                text.Append(FormatDouble(d));
                break;
            case float f:
                text.Append(FormatDouble(f));
                break;
            case IFormattable number when IsInteger(number):
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case decimal m:
                text.Append(m.ToString(CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteMap(text, map.Select(p => (p.Key, p.Value)), indent, depth);
                break;
            case IDictionary dictionary:
                WriteMap(text, dictionary.Cast<DictionaryEntry>().Select(e => (Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value)), indent, depth);
                break;
            case IEnumerable list:
                WriteList(text, list.Cast<object?>(), indent, depth);
                break;
            default:
                WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static bool IsInteger(object number) =>
        number is int or long or short or byte or sbyte or ushort or uint or ulong or System.Numerics.BigInteger;

    private static void WriteMap(StringBuilder text, IEnumerable<(string Key, object? Value)> entries, int indent, int depth)
    {
        var sorted = entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0)
        {
            text.Append("{}");
            return;
        }

        text.Append('{');
        for (var i = 0; i < sorted.Count; i++)
        {
            Separate(text, i, indent, depth + 1);
            WriteString(text, sorted[i].Key);
            text.Append(": ");
            Write(text, sorted[i].Value, indent, depth + 1);
        }

        Close(text, indent, depth);
        text.Append('}');
    }

    private static void WriteList(StringBuilder text, IEnumerable<object?> items, int indent, int depth)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            text.Append("[]");
            return;
        }

        text.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            Separate(text, i, indent, depth + 1);
            Write(text, list[i], indent, depth + 1);
        }

        Close(text, indent, depth);
        text.Append(']');
    }

    private static void Separate(StringBuilder text, int index, int indent, int depth)
    {
        if (indent > 0)
        {
            text.Append(index > 0 ? ",\n" : "\n").Append(' ', indent * depth);
        }
        else if (index > 0)
        {
            text.Append(", ");
        }
    }

    private static void Close(StringBuilder text, int indent, int depth)
    {
        if (indent > 0)
        {
            text.Append('\n').Append(' ', indent * depth);
        }
    }

    private static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e") : text + ".0";
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
