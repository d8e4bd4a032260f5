using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Inventory;

/// <summary>
/// Writes plain values as ansible-inventory prints them (Python's json.dumps with sort_keys=True, indent=4):
/// mapping keys sorted at every level, lists in order, non-ASCII text as is.
/// </summary>
internal static class SortedJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
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
            case double real:
                // What Python writes for inf/nan (not strict JSON, as in Ansible).
                writer.WriteRawValue(double.IsNaN(real) ? "NaN" : real > 0 ? "Infinity" : "-Infinity", skipInputValidation: true);
                break;
            case IDictionary map:
                WriteMapping(writer, map);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Opaque values (a vault value, say) print as their own text.
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteMapping(Utf8JsonWriter writer, IDictionary map)
    {
        writer.WriteStartObject();
        var keys = map.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? "").ToList();
        var values = map.Values.Cast<object?>().ToList();
        foreach (var index in Enumerable.Range(0, keys.Count).OrderBy(i => keys[i], StringComparer.Ordinal))
        {
            writer.WritePropertyName(keys[index]);
            WriteValue(writer, values[index]);
        }

        writer.WriteEndObject();
    }
}
