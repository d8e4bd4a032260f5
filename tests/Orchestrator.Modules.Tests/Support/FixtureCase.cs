using System.Text.Json;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// One data-file case (Fixtures/cases/*.json): a module, its arguments and the host's files in; the plan kind,
/// the commands, uploads and fetches it caused, and the result out.
/// </summary>
public sealed class FixtureCase
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private FixtureCase(string name, JsonElement root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public JsonElement Root { get; }

    public JsonElement Expect => Root.GetProperty("expect");

    public string Module => Root.GetProperty("module").GetString()!;

    public Dictionary<string, object?> Arguments => JsonPlain.Map(Root.GetProperty("args"));

    public bool Check => Flag("check");

    public bool Diff => Flag("diff");

    public static IEnumerable<string> Names() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cases"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    public static FixtureCase Load(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cases", name + ".json"));
        return new FixtureCase(name, JsonDocument.Parse(text).RootElement.Clone());
    }

    public FakeHost CreateHost()
    {
        var host = new FakeHost();
        if (Root.TryGetProperty("host", out var files))
        {
            foreach (var file in files.EnumerateObject())
            {
                host.Files[file.Name] = file.Value.Deserialize<FakeEntry>(Options)!;
            }
        }

        if (Root.TryGetProperty("listing", out var listing))
        {
            host.OnSnippet = _ => listing.GetString()!;
        }

        if (Root.TryGetProperty("snippets", out var snippets))
        {
            host.OnSnippet = SnippetAnswers(snippets);
        }

        if (Root.TryGetProperty("commandResults", out var results))
        {
            var answers = new Queue<JsonElement>(results.EnumerateArray());
            host.OnCommand = _ => answers.TryDequeue(out var answer)
                ? new CommandResult(
                    answer.GetProperty("rc").GetInt32(),
                    System.Text.Encoding.UTF8.GetBytes(Text(answer, "stdout") ?? ""),
                    System.Text.Encoding.UTF8.GetBytes(Text(answer, "stderr") ?? ""))
                : new CommandResult(0, [], []);
        }

        return host;
    }

    /// <summary>
    /// "snippets": [{"match": "dpkg-query", "answer": "..."} or {"match": ..., "answers": ["first", "later"]}]:
    /// a probe snippet containing "match" gets the answer (the first rule that matches); a list is used in
    /// order, its last answer repeating, for modules that inspect again after acting.
    /// </summary>
    private static Func<string, string> SnippetAnswers(JsonElement snippets)
    {
        var rules = snippets.EnumerateArray()
            .Select(rule => (
                Match: rule.GetProperty("match").GetString()!,
                Answers: new Queue<string>(rule.TryGetProperty("answers", out var list)
                    ? list.EnumerateArray().Select(a => a.GetString()!)
                    : [rule.GetProperty("answer").GetString()!])))
            .ToList();
        return question =>
        {
            foreach (var (match, answers) in rules)
            {
                if (question.Contains(match, StringComparison.Ordinal))
                {
                    return answers.Count > 1 ? answers.Dequeue() : answers.Peek();
                }
            }

            return "";
        };
    }

    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private bool Flag(string name) => Root.TryGetProperty(name, out var value) && value.GetBoolean();
}
