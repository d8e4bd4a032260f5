using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;
using Orchestrator.Playbooks.Tests.Fakes;

namespace Orchestrator.Playbooks.Tests;

internal static class Fixtures
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static Playbook Parse(params string[] parts) => new PlaybookParser(new FakeModuleCatalog(), new FakeTemplateEngine()).Parse(Path(parts));

    /// <summary>Parses YAML text written to a temporary folder (with extra files beside it) and returns the problems.</summary>
    public static IReadOnlyList<Diagnostic> Problems(string playbook, params (string Name, string Text)[] files)
    {
        using var folder = new TempFolder();
        var path = folder.Write("playbook.yaml", playbook);
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        var error = Assert.Throws<UserErrorException>(() => new PlaybookParser(new FakeModuleCatalog(), new FakeTemplateEngine()).Parse(path));
        return error.Diagnostics;
    }

    public static Playbook ParseText(string playbook, params (string Name, string Text)[] files)
    {
        using var folder = new TempFolder();
        var path = folder.Write("playbook.yaml", playbook);
        foreach (var (name, text) in files)
        {
            folder.Write(name, text);
        }

        return new PlaybookParser(new FakeModuleCatalog(), new FakeTemplateEngine()).Parse(path);
    }
}
