using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Modules;
using Orchestrator.Templating;

namespace Orchestrator.Playbooks.Tests;

/// <summary>
/// Every BadInputs/ case is refused with exit code 4 and a diagnostic at exactly the expected place. The cases run
/// against the real module registry and template engine, as the CLI does.
/// </summary>
public sealed class BadInputCorpusTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var item in BadInputCase.All())
        {
            data.Add(item.Name);
        }

        return data;
    }

    [Fact]
    public void The_corpus_has_at_least_thirty_cases()
    {
        Assert.True(BadInputCase.All().Count() >= 30);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_refused_with_a_located_diagnostic(string name)
    {
        var item = BadInputCase.Load(Path.Combine(AppContext.BaseDirectory, "BadInputs", name));
        var parser = NewParser();

        var error = Assert.Throws<UserErrorException>(() => parser.Parse(Path.Combine(item.Directory, "playbook.yaml")));

        Assert.Equal(ExitCodes.InvalidInput, error.ExitCode);
        var expected = $"{item.File}:{item.Line}:{item.Column}";
        var diagnostic = error.Diagnostics.FirstOrDefault(d => d.Location.ToString() == expected && d.Message.Contains(item.Message, StringComparison.Ordinal));
        Assert.True(diagnostic is not null, $"expected '{item.Message}' at {expected}; got:\n{string.Join("\n", error.Diagnostics.Select(d => $"{d.Location}: {d.Message}"))}");

        var text = DiagnosticFormatter.Format(diagnostic);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        var sourceLine = File.ReadLines(item.File).ElementAt(item.Line - 1).Replace("\t", "→", StringComparison.Ordinal);
        Assert.Contains(sourceLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_come_sorted_by_file_and_line()
    {
        foreach (var item in BadInputCase.All())
        {
            var error = Assert.Throws<UserErrorException>(() => NewParser().Parse(Path.Combine(item.Directory, "playbook.yaml")));
            var lines = error.Diagnostics.Where(d => d.Location.File == error.Diagnostics[0].Location.File).Select(d => (d.Location.Line, d.Location.Column)).ToList();
            Assert.Equal(lines.Order(), lines);
        }
    }

    private static PlaybookParser NewParser() => new(ModuleRegistry.CreateDefault(), new TemplateEngine());
}
