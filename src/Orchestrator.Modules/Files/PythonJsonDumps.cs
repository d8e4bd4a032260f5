using System.Collections;
using System.Globalization;
using System.Text;

namespace Orchestrator.Modules.Files;

/// <summary>
/// Python's <c>json.dumps(value)</c> with its defaults: ", " and ": " separators, keys in their given order, and
/// ensure_ascii (everything outside printable ASCII escaped as \uXXXX). Ansible's copy writes a list or mapping
/// <c>content</c> this way, so the file, and its checksum, are the same byte for byte.
/// </summary>
/// <remarks>The console's PythonJson differs on purpose (sorted keys, non-ASCII kept), as Ansible's callbacks do.</remarks>
internal static class PythonJsonDumps
{
    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value)
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
            case double or float:
                text.Append(Real(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case IFormattable number:
                text.Append(number.ToString(null, CultureInfo.InvariantCulture));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                WriteMap(text, map.Select(p => (Key(p.Key), p.Value)));
                break;
            case IDictionary dictionary:
                WriteMap(text, dictionary.Cast<DictionaryEntry>().Select(e => (Key(e.Key), e.Value)));
                break;
            case IEnumerable list:
                text.Append('[');
                var first = true;
                foreach (var item in list)
                {
                    text.Append(first ? "" : ", ");
                    Write(text, item);
                    first = false;
                }

                text.Append(']');
                break;
            default:
                WriteString(text, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }

    private static void WriteMap(StringBuilder text, IEnumerable<(string Key, object? Value)> entries)
    {
        text.Append('{');
        var first = true;
        foreach (var (key, item) in entries)
        {
            text.Append(first ? "" : ", ");
            WriteString(text, key);
            text.Append(": ");
            Write(text, item);
            first = false;
        }

        text.Append('}');
    }

    // json.dumps turns keys into strings: True → "true", None → "null", numbers as they print.
    private static string Key(object? key) => key switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        double or float => Real(Convert.ToDouble(key, CultureInfo.InvariantCulture)),
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "",
    };

    // Python's float repr: shortest round trip, "1.0" for whole numbers, "1e+20" for exponents.
    private static string Real(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text.Replace('E', 'e') : text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",

                // Per UTF-16 unit, so a character beyond the BMP becomes its surrogate pair, as in Python.
                < ' ' or > '~' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        text.Append('"');
    }
}
