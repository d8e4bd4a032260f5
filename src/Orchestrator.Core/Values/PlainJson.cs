using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Core.Values;

/// <summary>
/// Writes plain values (string, numbers, bool, null, lists, mappings) as JSON with non-ASCII text kept as is.
/// The one JSON writer for inventory output and template helpers; <see cref="PlainJsonStyle"/> says how.
/// </summary>
public static class PlainJson
{
    private static readonly PlainJsonStyle CompactStyle = new();

    /// <summary>Compact JSON, keys in their order: how a module or loop label shows a list or mapping as text.</summary>
    public static string Write(object? value) => Write(value, CompactStyle);

    public static string Write(object? value, PlainJsonStyle style)
    {
        var options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = style.Indent > 0,
            NewLine = "\n",
        };
        if (style.Indent > 0)
        {
            options.IndentSize = Math.Min(style.Indent, 127);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteValue(writer, value, style);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, PlainJsonStyle style)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long or int:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case double real when double.IsFinite(real):
                writer.WriteNumberValue(real);
                break;
            case double real when style.BareNonFinite:
                writer.WriteRawValue(double.IsNaN(real) ? "NaN" : real > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
                break;
            case IReadOnlyDictionary<string, object?> mapping:
                WriteMapping(writer, mapping.Select(e => (e.Key, e.Value)).ToList(), style);
                break;
            case IDictionary map:
                WriteMapping(writer, map.Keys.Cast<object>().Select(k => (Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", map[k])).ToList(), style);
                break;
            case IEnumerable items and (IReadOnlyList<object?> or ICollection):
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, style);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(style.Display(value));
                break;
        }
    }

    private static void WriteMapping(Utf8JsonWriter writer, List<(string Key, object? Value)> entries, PlainJsonStyle style)
    {
        writer.WriteStartObject();
        var ordered = style.SortKeys ? entries.OrderBy(e => e.Key, StringComparer.Ordinal) : (IEnumerable<(string Key, object? Value)>)entries;
        foreach (var (key, item) in ordered)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, item, style);
        }

        writer.WriteEndObject();
    }
}
