using System.Text.Encodings.Web;
using System.Text.Json;
using Orchestrator.Core.Output;

namespace Orchestrator.Output.Report;

/// <summary>Serialises the SPEC §9 report; fields beyond the contract: handler, ignored, delegated_to, stdout, stderr, items, warnings, complete, exit_code.</summary>
internal static class ReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(Stream stream, ReportDocument report)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        json.WriteStartObject();
        json.WriteString("playbook", report.Playbook);
        json.WriteBoolean("check_mode", report.CheckMode);
        json.WriteNumber("duration_ms", report.DurationMs);
        json.WriteBoolean("complete", report.Complete);
        WriteNullableNumber(json, "exit_code", report.ExitCode);
        json.WriteStartArray("plays");
        foreach (var play in report.Plays)
        {
            WritePlay(json, play);
        }

        json.WriteEndArray();
        json.WriteStartObject("recap");
        foreach (var (host, stats) in report.Recap.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteStats(json, host, stats);
        }

        json.WriteEndObject();
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WritePlay(Utf8JsonWriter json, ReportPlay play)
    {
        json.WriteStartObject();
        json.WriteString("name", play.Name);
        json.WriteStartArray("hosts");
        foreach (var host in play.Hosts)
        {
            json.WriteStringValue(host);
        }

        json.WriteEndArray();
        json.WriteStartArray("tasks");
        foreach (var task in play.Tasks)
        {
            WriteTask(json, task);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTask(Utf8JsonWriter json, ReportTask task)
    {
        json.WriteStartObject();
        var name = task.Source.Name.Trim();
        json.WriteString("name", name.Length > 0 ? name : task.Source.Module);
        json.WriteString("module", task.Source.Module);
        json.WriteBoolean("handler", task.Source.IsHandler);
        json.WriteStartObject("results");
        foreach (var (host, entry) in task.Results)
        {
            if (entry.Summary is not { } summary)
            {
                continue;
            }

            json.WriteStartObject(host);
            WriteResultFields(json, summary, entry.Diff);
            if (entry.Items.Count > 0)
            {
                json.WriteStartArray("items");
                foreach (var item in entry.Items)
                {
                    json.WriteStartObject();
                    json.WriteString("item", item.ItemLabel);
                    WriteResultFields(json, item, item.Diff);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResultFields(Utf8JsonWriter json, HostResult result, string? diff)
    {
        json.WriteString("status", StatusName(result.Status));
        json.WriteString("msg", result.Message ?? "");
        WriteNullableNumber(json, "rc", result.ReturnCode);
        if (string.IsNullOrEmpty(diff))
        {
            json.WriteNull("diff");
        }
        else
        {
            json.WriteString("diff", diff);
        }

        json.WriteNumber("duration_ms", (long)Math.Round(result.Duration.TotalMilliseconds));
        json.WriteBoolean("ignored", result.Ignored);
        WriteOptionalString(json, "delegated_to", result.DelegatedTo);
        WriteOptionalString(json, "stdout", result.Stdout);
        WriteOptionalString(json, "stderr", result.Stderr);
    }

    private static void WriteStats(Utf8JsonWriter json, string host, HostStats stats)
    {
        json.WriteStartObject(host);
        json.WriteNumber("ok", stats.Ok);
        json.WriteNumber("changed", stats.Changed);
        json.WriteNumber("unreachable", stats.Unreachable);
        json.WriteNumber("failed", stats.Failed);
        json.WriteNumber("skipped", stats.Skipped);
        json.WriteNumber("rescued", stats.Rescued);
        json.WriteNumber("ignored", stats.Ignored);
        json.WriteEndObject();
    }

    internal static string StatusName(ResultStatus status) => status switch
    {
        ResultStatus.Ok => "ok",
        ResultStatus.Changed => "changed",
        ResultStatus.Skipped => "skipped",
        ResultStatus.Failed => "failed",
        ResultStatus.Unreachable => "unreachable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptionalString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
