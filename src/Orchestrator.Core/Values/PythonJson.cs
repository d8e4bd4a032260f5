using System.Collections;
using System.Globalization;
using System.Text;

namespace Orchestrator.Core.Values;

/// <summary>
/// Python's <c>json.dumps</c>: ", " and ": " separators (or an indent), Python's float repr, and the two options
/// Ansible's two uses differ in. Its callbacks print results with sort_keys and non-ASCII kept; its copy module
/// writes a list or mapping <c>content</c> with the defaults (keys in order, ensure_ascii), so the file and its
/// checksum are the same byte for byte.
/// </summary>
public static class PythonJson
{
    /// <param name="indent">Spaces per level (each item on a line of its own); 0: one line.</param>
    /// <param name="sortKeys">sort_keys=True.</param>
    /// <param name="ensureAscii">ensure_ascii=True: everything outside printable ASCII as \uXXXX.</param>
    public static string Format(object? value, int indent = 0, bool sortKeys = false, bool ensureAscii = false)
    {
        var text = new StringBuilder();
        new Writer(text, indent, sortKeys, ensureAscii).Write(value, 0);
        return text.ToString();
    }

    private sealed class Writer(StringBuilder text, int indent, bool sortKeys, bool ensureAscii)
    {
        public void Write(object? value, int depth)
        {
            switch (value)
            {
                case null: text.Append("null"); break;
                case bool flag: text.Append(flag ? "true" : "false"); break;
                case string s: WriteString(s); break;
                case double or float: text.Append(Real(Convert.ToDouble(value, CultureInfo.InvariantCulture))); break;
                case int or long or short or byte or sbyte or ushort or uint or ulong or decimal or System.Numerics.BigInteger:
                    text.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> map: WriteMap(map.Select(p => (p.Key, p.Value)).ToList(), depth); break;
                case IDictionary dictionary: WriteMap(dictionary.Cast<DictionaryEntry>().Select(e => (Key(e.Key), e.Value)).ToList(), depth); break;
                case IEnumerable list: WriteList(list.Cast<object?>().ToList(), depth); break;
                default: WriteString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
            }
        }

        private void WriteMap(List<(string Key, object? Value)> entries, int depth)
        {
            if (sortKeys)
            {
                entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            }

            text.Append('{');
            for (var i = 0; i < entries.Count; i++)
            {
                Separate(i, depth + 1);
                WriteString(entries[i].Key);
                text.Append(": ");
                Write(entries[i].Value, depth + 1);
            }

            Close(entries.Count, depth);
            text.Append('}');
        }

        private void WriteList(List<object?> items, int depth)
        {
            text.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                Separate(i, depth + 1);
                Write(items[i], depth + 1);
            }

            Close(items.Count, depth);
            text.Append(']');
        }

        private void Separate(int index, int depth)
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

        private void Close(int count, int depth)
        {
            if (indent > 0 && count > 0)
            {
                text.Append('\n').Append(' ', indent * depth);
            }
        }

        private void WriteString(string value)
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
                    < ' ' => Escaped(c),
                    > '~' when ensureAscii => Escaped(c),
                    _ => c.ToString(),
                });
            }

            text.Append('"');
        }

        private static string Escaped(char c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
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
}
