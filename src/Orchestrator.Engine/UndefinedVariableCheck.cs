using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;
using Orchestrator.Inventory;
using Orchestrator.Modules;
using Orchestrator.Playbooks;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Finds, before anything connects, every reference to a variable that can never be defined where it is used,
/// and reports them all at once (SPEC §4: "an undefined variable is an error naming the file, line and
/// variable"). A name is known where it could come from the inventory (any host of the play), facts, the magic
/// variables, extra vars, play vars, vars_files, role defaults/vars/parameters, enclosing block and task vars,
/// loop variables, or any register/set_fact of the playbook. References the template or condition guards
/// (<c>is defined</c>, <c>default</c>, <c>{{#if}}</c>, a <c>when</c> that proves the name) are never problems.
/// Values of variables are rendered where they are used, so they may also read any loop variable. Inventory values
/// and role defaults are not checked: they may only make sense on some hosts, or under a guard where they are used.
/// </summary>
public static class UndefinedVariableCheck
{
    /// <exception cref="UserErrorException">With every problem found, located (exit code 4).</exception>
    public static void Run(Playbook playbook, HostInventory inventory, RunOptions options, ITemplateEngine templates, ModuleRegistry modules)
    {
        ArgumentNullException.ThrowIfNull(playbook);
        ArgumentNullException.ThrowIfNull(options);
        var definitions = new RuntimeDefinitions(new PlaybookParser(modules, templates));
        var runKnown = KnownNames.Of([.. MagicVariables.Always, .. options.ExtraVars.Keys, .. definitions.Of(playbook)]);
        var session = new CheckSession(inventory, options, modules, templates, relativePaths: !Path.IsPathRooted(playbook.Path))
        {
            LoopNames = definitions.LoopNames,
        };
        foreach (var play in playbook.Plays)
        {
            new PlayCheck(session, play).Run(runKnown);
        }

        if (session.Report.Diagnostics is { Count: > 0 } problems)
        {
            throw new UserErrorException(problems);
        }
    }
}
