using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// --list-tasks: the tasks of a play that --tags and --skip-tags select, in run order. The tags are inherited as a run
/// inherits them (<see cref="TaskScope.Enter"/>: play, role entry, block, import) and judged by the run's own
/// <see cref="TagFilter"/>, so a listing and a run select alike from the same inherited tags. As in
/// ansible-playbook, an include_tasks is listed itself, judged by its own tags: its file is a run-time matter.
/// </summary>
public static class TaskListing
{
    public static IReadOnlyList<ListedTask> Select(Play play, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(play);
        ArgumentNullException.ThrowIfNull(options);
        var filter = new TagFilter(options.Tags, options.SkipTags);
        var root = new TaskScope { Tags = play.Tags };
        var listed = new List<ListedTask>();
        Add(play.PreTasks, root, filter, listed);
        foreach (var role in play.Roles)
        {
            Add(role.Tasks, root.Enter(role.Common), filter, listed);
        }

        Add(play.Tasks, root, filter, listed);
        Add(play.PostTasks, root, filter, listed);
        return listed;
    }

    private static void Add(IReadOnlyList<TaskNode> nodes, TaskScope scope, TagFilter filter, List<ListedTask> listed)
    {
        foreach (var node in nodes)
        {
            var inner = scope.Enter(node.Common);
            if (node is BlockTask block)
            {
                // Unlike ansible-playbook, which lists a block's own tasks only, rescue and always are listed too:
                // they are part of what may run.
                Add(block.Block, inner, filter, listed);
                Add(block.Rescue, inner, filter, listed);
                Add(block.Always, inner, filter, listed);
            }
            else if (filter.Selects(inner.Tags))
            {
                listed.Add(new ListedTask(node, inner.Tags));
            }
        }
    }
}
