using Orchestrator.Core.Modules;
using Orchestrator.Modules.Text;

namespace Orchestrator.Modules.Tests.Text;

/// <summary>lineinfile's declared arguments: what `orchestrate modules lineinfile` prints and what the binder refuses before a run.</summary>
public sealed class LineInFileSpecTests
{
    private readonly ModuleSpec spec = new LineInFileModule().Spec;

    [Fact]
    public void Documentation_shows_ansibles_aliases_defaults_and_exclusions()
    {
        var text = ModuleDocumentation.Render(spec);
        var lines = text.Split('\n');

        Assert.Contains(lines, l => l.StartsWith("path ", StringComparison.Ordinal) && l.Contains("required", StringComparison.Ordinal) && l.Contains("dest, destfile, name", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("regexp ", StringComparison.Ordinal) && l.Contains("regex", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("state ", StringComparison.Ordinal) && l.Contains("default: present", StringComparison.Ordinal) && l.Contains("present, absent", StringComparison.Ordinal));
        Assert.Contains("Not together: insertbefore, insertafter", text, StringComparison.Ordinal);
        Assert.Contains("Not together: backrefs, search_string", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("insertafter", "insertbefore")]
    [InlineData("regexp", "search_string")]
    [InlineData("regex", "search_string")]
    public void Exclusive_arguments_are_refused_before_the_run(string first, string second)
    {
        var raw = new Dictionary<string, object?> { ["dest"] = "/etc/x", ["line"] = "y", [first] = "a", [second] = "b" };

        var (_, problems) = ArgumentBinder.Bind(spec, raw, deferTemplates: false);

        Assert.Contains(problems, p => p.Message.Contains("cannot be used together", StringComparison.Ordinal));
    }
}
