using Orchestrator.Core.Diagnostics;
using Orchestrator.Inventory;
using Orchestrator.Modules;
using Orchestrator.Playbooks;
using Orchestrator.Templating;

namespace Orchestrator.Engine.Tests;

/// <summary>Parses a Fixtures/ folder's playbook and inventory as the CLI does and runs the undefined-variable check.</summary>
internal static class CheckFixture
{
    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <returns>Each problem as "file:line:column message", the file relative to the fixture folder; empty when none.</returns>
    public static List<string> Problems(string name, RunOptions? options = null, string playbook = "site.yaml")
    {
        var folder = Folder(name);
        var modules = ModuleRegistry.CreateDefault();
        var templates = new TemplateEngine();
        var parsed = new PlaybookParser(modules, templates).Parse(Path.Combine(folder, playbook));
        var inventory = InventoryLoader.Load([Path.Combine(folder, "inventory.yaml")], folder);
        try
        {
            UndefinedVariableCheck.Run(parsed, inventory, options ?? new RunOptions(), templates, modules);
            return [];
        }
        catch (UserErrorException error)
        {
            Assert.Equal(4, error.ExitCode);
            return error.Diagnostics.Select(d => $"{Relative(folder, d.Location)} {d.Message}").ToList();
        }
    }

    private static string Relative(string folder, SourceLocation location) =>
        (location with { File = Path.GetRelativePath(folder, location.File) }).ToString();
}
