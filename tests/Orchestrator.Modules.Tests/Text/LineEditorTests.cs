using System.Text.Json;
using Orchestrator.Modules.Text;

namespace Orchestrator.Modules.Tests.Text;

/// <summary>lineinfile's edit as a pure function, on the table in Fixtures/lineinfile-edits.json.</summary>
public sealed class LineEditorTests
{
    private static readonly JsonElement[] Cases = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "lineinfile-edits.json"))).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();

    public static TheoryData<string> Names() => new(Cases.Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Edit(string name)
    {
        var row = Cases.Single(c => c.GetProperty("name").GetString() == name);
        var content = row.GetProperty("content").GetString()!;
        var edit = new LineEdit
        {
            Line = Text(row, "line"),
            Regexp = Text(row, "regexp") is { } regexp ? PythonRegex.Create(regexp) : null,
            SearchString = Text(row, "search_string"),
            InsertAfter = Text(row, "insertafter"),
            InsertBefore = Text(row, "insertbefore"),
            InsertPattern = (Text(row, "insertafter") ?? Text(row, "insertbefore")) is { } insert and not "BOF" and not "EOF" ? PythonRegex.Create(insert) : null,
            Backrefs = Flag(row, "backrefs"),
            FirstMatch = Flag(row, "firstmatch"),
        };

        var outcome = Text(row, "state") == "absent" ? LineEditor.Absent(content, edit) : LineEditor.Present(content, edit);

        var expected = row.GetProperty("expect").GetString()!;
        Assert.Equal(expected, outcome.Content);
        Assert.Equal(expected != content, outcome.Changed);
        Assert.Equal(row.GetProperty("msg").GetString(), outcome.Message);
        if (row.TryGetProperty("found", out var found))
        {
            Assert.Equal(found.GetInt32(), outcome.Found);
        }

        // Idempotent: the edit applied to its own result changes nothing more.
        var again = Text(row, "state") == "absent" ? LineEditor.Absent(outcome.Content, edit) : LineEditor.Present(outcome.Content, edit);
        Assert.False(again.Changed, $"a second run changed '{outcome.Content}' to '{again.Content}'");
    }

    [Fact]
    public void Lines_keep_their_endings_and_a_lone_carriage_return_is_not_a_break()
    {
        Assert.Equal(["a\r\n", "b\rc\n", "d"], TextLines.Split("a\r\nb\rc\nd"));
        Assert.Empty(TextLines.Split(""));
        Assert.Equal("b\rc", TextLines.Body("b\rc\n"));
        Assert.Equal("a", TextLines.Body("a\r\n"));
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement row, string name) => row.TryGetProperty(name, out var value) && value.GetBoolean();
}
