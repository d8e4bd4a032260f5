using System.Text.Json;

namespace Orchestrator.Cli.Tests.Support;

/// <summary>The JSON report of a run, read back for assertions.</summary>
internal sealed class RunReport
{
    private RunReport(string text, JsonElement root)
    {
        Text = text;
        Root = root;
        Recap = root.GetProperty("recap").EnumerateObject().ToDictionary(
            host => host.Name,
            host => new Recap(
                host.Value.GetProperty("ok").GetInt32(),
                host.Value.GetProperty("changed").GetInt32(),
                host.Value.GetProperty("unreachable").GetInt32(),
                host.Value.GetProperty("failed").GetInt32(),
                host.Value.GetProperty("skipped").GetInt32(),
                host.Value.GetProperty("rescued").GetInt32(),
                host.Value.GetProperty("ignored").GetInt32()),
            StringComparer.Ordinal);
    }

    public string Text { get; }

    public JsonElement Root { get; }

    public IReadOnlyDictionary<string, Recap> Recap { get; }

    public IEnumerable<JsonElement> Plays => Root.GetProperty("plays").EnumerateArray();

    public IEnumerable<JsonElement> Tasks => Plays.SelectMany(p => p.GetProperty("tasks").EnumerateArray());

    /// <summary>Names of the tasks (and handlers) in the order they started, across plays.</summary>
    public IReadOnlyList<string> TaskNames => Tasks.Select(t => t.GetProperty("name").GetString()!).ToList();

    public static RunReport Load(string path)
    {
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        return new RunReport(text, document.RootElement.Clone());
    }

    /// <summary>The hosts that have a result for the last task of this name, with their status.</summary>
    public IReadOnlyDictionary<string, string> Statuses(string task) =>
        Task(task).GetProperty("results").EnumerateObject()
            .ToDictionary(r => r.Name, r => r.Value.GetProperty("status").GetString()!, StringComparer.Ordinal);

    public string? Status(string task, string host) => Statuses(task).GetValueOrDefault(host);

    public JsonElement Result(string task, string host) => Task(task).GetProperty("results").GetProperty(host);

    public bool Ran(string task) => Tasks.Any(t => t.GetProperty("name").GetString() == task);

    public JsonElement Task(string name) =>
        Tasks.LastOrDefault(t => t.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new InvalidOperationException($"no task '{name}' in the report; tasks: {string.Join(", ", TaskNames)}");
}
