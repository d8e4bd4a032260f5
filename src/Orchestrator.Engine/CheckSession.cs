using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;
using Orchestrator.Inventory;
using Orchestrator.Modules;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>What one <see cref="UndefinedVariableCheck"/> run shares between its plays.</summary>
internal sealed class CheckSession(
    HostInventory inventory,
    RunOptions options,
    ModuleRegistry modules,
    ITemplateEngine templates,
    bool relativePaths)
{
    private readonly string currentDirectory = Environment.CurrentDirectory;

    public HostInventory Inventory => inventory;

    public RunOptions Options => options;

    public ModuleRegistry Modules => modules;

    public ReferenceReport Report { get; } = new(templates);

    public SourceNodes Sources { get; } = new();

    /// <summary>Every loop variable of the playbook: a variable's value is rendered where it is used, maybe in a loop.</summary>
    public required IReadOnlyCollection<string> LoopNames { get; init; }

    /// <summary>What a variable's value (or an inherited environment value) may read: <paramref name="known"/> and any loop variable.</summary>
    public KnownNames ForValues(KnownNames known) => known.With(LoopNames);

    /// <summary>The names a when condition proves defined; none when it does not parse (reported by the check itself).</summary>
    public IReadOnlyCollection<string> Guarantees(Expression condition)
    {
        try
        {
            return templates.ConditionGuarantees(condition.Text, condition.Location);
        }
        catch (UserErrorException)
        {
            return [];
        }
    }

    /// <summary>How a file is named in diagnostics: as the parser names playbook files (relative when the playbook path was).</summary>
    public string Display(string fullPath) => relativePaths ? Path.GetRelativePath(currentDirectory, fullPath) : fullPath;
}
