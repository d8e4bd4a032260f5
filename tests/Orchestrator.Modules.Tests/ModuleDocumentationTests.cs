namespace Orchestrator.Modules.Tests;

public sealed class ModuleDocumentationTests
{
    private readonly ModuleRegistry registry = ModuleRegistry.CreateDefault();

    [Fact]
    public void One_module_shows_every_argument_with_type_default_choices_and_aliases()
    {
        var text = ModuleDocumentation.Render(registry.Find("stat")!);
        var lines = text.Split('\n');

        Assert.StartsWith("stat - ", lines[0], StringComparison.Ordinal);
        var header = Array.FindIndex(lines, l => l.StartsWith("ARGUMENT", StringComparison.Ordinal));
        Assert.True(header > 0);
        Assert.Matches(@"^ARGUMENT +TYPE +REQUIRED/DEFAULT +CHOICES +ALIASES +DESCRIPTION$", lines[header]);
        Assert.Matches(@"^path +path +required +- +dest, name +The path on the host\.$", lines[header + 1]);
        Assert.Contains(lines, l => l.StartsWith("checksum_algorithm", StringComparison.Ordinal)
            && l.Contains("default: sha1", StringComparison.Ordinal)
            && l.Contains("md5, sha1, sha224", StringComparison.Ordinal)
            && l.Contains("checksum, checksum_algo", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("follow ", StringComparison.Ordinal) && l.Contains("default: false", StringComparison.Ordinal));
    }

    [Fact]
    public void Free_form_and_argument_groups_are_explained()
    {
        var text = ModuleDocumentation.Render(registry.Find("command")!);

        Assert.Contains("Free-form: text after the module name is the 'cmd' argument.", text, StringComparison.Ordinal);
        Assert.Contains("Needs one of: cmd, argv", text, StringComparison.Ordinal);
        Assert.Contains("Not together: cmd, argv", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_has_one_aligned_line_per_module()
    {
        var lines = ModuleDocumentation.RenderList(registry.All).TrimEnd('\n').Split('\n');

        Assert.Equal(registry.All.Count() + 1, lines.Length);
        Assert.Matches("^MODULE +DESCRIPTION$", lines[0]);
        Assert.StartsWith(registry.All.Select(s => s.Name).Order(StringComparer.Ordinal).First() + " ", lines[1], StringComparison.Ordinal);
        Assert.Single(lines.Select(l => l.IndexOf(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal)).Distinct());
    }
}
