using System.Text.Json;
using Orchestrator.Modules.Commands;

namespace Orchestrator.Modules.Tests;

/// <summary>The fixture's expectations were produced with Python's shlex.split, which Ansible's command module uses.</summary>
public sealed class CommandWordsTests
{
    public static TheoryData<string, string[]?> Cases()
    {
        var data = new TheoryData<string, string[]?>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "command-words.json")));
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var words = item.TryGetProperty("words", out var list) ? list.EnumerateArray().Select(w => w.GetString()!).ToArray() : null;
            data.Add(item.GetProperty("line").GetString()!, words);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_like_shlex(string line, string[]? expected)
    {
        if (expected is null)
        {
            Assert.Throws<FormatException>(() => CommandWords.Split(line));
            return;
        }

        Assert.Equal(expected, CommandWords.Split(line));
    }
}
