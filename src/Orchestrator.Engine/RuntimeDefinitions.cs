using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Variables tasks define while running: every <c>register</c> name and <c>set_fact</c> key anywhere in the
/// playbook (roles, handlers, included files). The check counts them known everywhere, without following the
/// order of tasks or which hosts run them: a miss here only means the run itself reports the variable.
/// </summary>
internal static class RuntimeDefinitions
{
    private const string SetFact = "set_fact";
    private const string Cacheable = "cacheable";

    public static IEnumerable<string> Of(Playbook playbook) =>
        playbook.Plays.SelectMany(play => AllTasks(play)).SelectMany(Defined).Distinct(StringComparer.Ordinal);

    private static IEnumerable<TaskNode> AllTasks(Play play) =>
    [
        .. play.PreTasks, .. play.Tasks, .. play.PostTasks, .. play.Handlers,
        .. play.Roles.SelectMany(role => role.Tasks.Concat(role.Handlers)),
    ];

    private static IEnumerable<string> Defined(TaskNode node) => node switch
    {
        ModuleTask task => Registered(task).Concat(task.Module == SetFact ? task.Arguments.Keys.Where(k => k != Cacheable) : []),
        BlockTask block => block.Block.Concat(block.Rescue).Concat(block.Always).SelectMany(Defined),
        IncludeTasks include => (include.Preloaded ?? []).SelectMany(Defined),
        _ => [],
    };

    private static IEnumerable<string> Registered(ModuleTask task) => task.Register is { } name ? [name] : [];
}
