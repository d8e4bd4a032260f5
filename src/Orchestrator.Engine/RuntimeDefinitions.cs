using Orchestrator.Playbooks;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Variables tasks define while running: every <c>register</c> name and <c>set_fact</c> key anywhere in the
/// playbook (roles, handlers, included files, and every file a templated include_tasks might load). The check
/// counts them known everywhere, without following the order of tasks or which hosts run them: a miss here
/// only means the run itself reports the variable.
/// </summary>
internal sealed class RuntimeDefinitions(PlaybookParser parser)
{
    private const string SetFact = "set_fact";
    private const string Cacheable = "cacheable";

    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly HashSet<(string Directory, string File)> templatedIncludes = [];

    /// <summary>
    /// Every loop variable name of the playbook (loop_var, index_var, ansible_loop...): a variable's value is rendered
    /// where it is used, so it may read the loop variables of the tasks that use it.
    /// </summary>
    public HashSet<string> LoopNames { get; } = new(MagicVariables.Loop, StringComparer.Ordinal);

    /// <returns>Every register name and set_fact key.</returns>
    public IReadOnlyCollection<string> Of(Playbook playbook)
    {
        foreach (var play in playbook.Plays)
        {
            Add([.. play.PreTasks, .. play.Tasks, .. play.PostTasks, .. play.Handlers]);
            foreach (var role in play.Roles)
            {
                Add([.. role.Tasks, .. role.Handlers]);
            }
        }

        return names;
    }

    private void Add(IEnumerable<TaskNode> nodes)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ModuleTask task:
                    Add(task.Loop);
                    if (task.Register is { } registered)
                    {
                        names.Add(registered);
                    }

                    if (task.Module == SetFact)
                    {
                        names.UnionWith(task.Arguments.Keys.Where(k => k != Cacheable));
                    }

                    break;
                case BlockTask block:
                    Add([.. block.Block, .. block.Rescue, .. block.Always]);
                    break;
                case IncludeTasks include:
                    Add(include.Loop);
                    Add(include.Preloaded ?? []);
                    if (include.File.Contains("{{", StringComparison.Ordinal) && templatedIncludes.Add((include.BaseDirectory, include.File)))
                    {
                        foreach (var tasks in TemplatedIncludeFiles.Candidates(include, parser))
                        {
                            Add(tasks);
                        }
                    }

                    break;
            }
        }
    }

    private void Add(LoopSpec? loop)
    {
        if (loop is not null)
        {
            LoopNames.Add(loop.LoopVar);
            if (loop.IndexVar is { } index)
            {
                LoopNames.Add(index);
            }
        }
    }
}
