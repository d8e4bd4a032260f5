using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HandlebarsDotNet;
using Orchestrator.Templating.Rendering;

namespace Orchestrator.Templating.Values;

/// <summary>Writes plain values (and the lazy views over them) as JSON; non-ASCII text is kept as is.</summary>
internal static class JsonText
{
    public static string Write(object? value, int indent)
    {
        var options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = indent > 0,
            NewLine = "\n",
        };
        if (indent > 0)
        {
            options.IndentSize = Math.Min(indent, 127);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
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
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case double number:
                writer.WriteStringValue(ValueText.FormatDouble(number));
                break;
            case UndefinedBindingResult undefined:
                throw TemplateFailure.Undefined(undefined.Value);
            case IReadOnlyDictionary<string, object?> mapping:
                writer.WriteStartObject();
                foreach (var (key, item) in mapping)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(ValueText.Display(value));
                break;
        }
    }
}
