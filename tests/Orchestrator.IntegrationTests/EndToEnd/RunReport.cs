using System.Text.Json;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>The parts of a SPEC §9 JSON report the end-to-end tests read, plus its raw text (for secret greps).</summary>
internal sealed record RunReport(
    string Text,
    bool CheckMode,
    long DurationMs,
    int? ExitCode,
    IReadOnlyList<ReportedPlay> Plays,
    IReadOnlyDictionary<string, HostRecap> Recap)
{
    public IEnumerable<ReportedTask> Tasks => Plays.SelectMany(p => p.Tasks);

    /// <summary>The one task of that name (the scenarios give every task its own name).</summary>
    public ReportedTask Task(string name) =>
        Tasks.SingleOrDefault(t => t.Name == name)
        ?? throw new Xunit.Sdk.XunitException($"no task '{name}' in the report; tasks: {string.Join(", ", Tasks.Select(t => t.Name))}");

    public static RunReport Load(string path)
    {
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var plays = root.GetProperty("plays").EnumerateArray().Select(ReadPlay).ToList();
        var recap = root.GetProperty("recap").EnumerateObject()
            .ToDictionary(p => p.Name, p => ReadRecap(p.Value), StringComparer.Ordinal);
        var exitCode = root.TryGetProperty("exit_code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : (int?)null;
        return new RunReport(text, root.GetProperty("check_mode").GetBoolean(), root.GetProperty("duration_ms").GetInt64(), exitCode, plays, recap);
    }

    private static ReportedPlay ReadPlay(JsonElement play) => new(
        play.GetProperty("name").GetString() ?? "",
        play.GetProperty("hosts").EnumerateArray().Select(h => h.GetString() ?? "").ToList(),
        play.GetProperty("tasks").EnumerateArray().Select(ReadTask).ToList());

    private static ReportedTask ReadTask(JsonElement task) => new(
        task.GetProperty("name").GetString() ?? "",
        task.GetProperty("module").GetString() ?? "",
        task.GetProperty("results").EnumerateObject().ToDictionary(
            r => r.Name,
            r => new ReportedResult(
                r.Value.GetProperty("status").GetString() ?? "",
                r.Value.GetProperty("msg").GetString() ?? "",
                r.Value.GetProperty("rc").ValueKind == JsonValueKind.Number ? r.Value.GetProperty("rc").GetInt32() : null,
                r.Value.GetProperty("diff").ValueKind == JsonValueKind.String ? r.Value.GetProperty("diff").GetString() : null,
                r.Value.GetProperty("duration_ms").GetInt64()),
            StringComparer.Ordinal));

    private static HostRecap ReadRecap(JsonElement stats) => new(
        stats.GetProperty("ok").GetInt32(),
        stats.GetProperty("changed").GetInt32(),
        stats.GetProperty("unreachable").GetInt32(),
        stats.GetProperty("failed").GetInt32(),
        stats.GetProperty("skipped").GetInt32(),
        stats.GetProperty("rescued").GetInt32(),
        stats.GetProperty("ignored").GetInt32());
}
