namespace Orchestrator.Content.Tests;

/// <summary>
/// Every template, rendered for hosts of inventory.example.yaml on Ubuntu trusty (upstart), xenial and jammy
/// (systemd), equals its golden file under Fixtures/expected. ORCHESTRATE_WRITE_GOLDEN=1 rewrites the golden
/// files in the source tree instead (review the diff before committing it).
/// </summary>
public sealed class GoldenRenderTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var release in HostFacts.Releases)
        {
            foreach (var @case in RenderCase.All)
            {
                data.Add(release, @case.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendering_equals_the_golden_file(string release, string caseName)
    {
        var @case = RenderCase.All.Single(c => c.ToString() == caseName);
        var relative = Path.Combine("expected", release, @case.Host, @case.Variant, @case.GoldenName);
        var rendered = ContentRenderer.Render(release, @case);

        if (Environment.GetEnvironmentVariable("ORCHESTRATE_WRITE_GOLDEN") == "1")
        {
            var target = Path.Combine(RepositoryPaths.SourceFixtures, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, rendered);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Fixtures, relative)), rendered);
    }

    [Fact]
    public void Every_template_file_has_a_golden_rendering()
    {
        var templates = Directory.GetFiles(RepositoryPaths.Templates, "*.hbs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryPaths.Templates, p).Replace('\\', '/'))
            .Where(t => t != "mesos/flag.hbs") // rendered by the flag listings
            .Order(StringComparer.Ordinal);

        var missing = templates.Where(t => RenderCase.All.All(c => c.Template != t));

        Assert.Equal("", string.Join(", ", missing));
    }
}
