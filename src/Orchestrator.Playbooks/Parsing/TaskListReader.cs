using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads task lists: a keyword's value (tasks, block, handlers...) or a whole task file.</summary>
internal static class TaskListReader
{
    public static IReadOnlyList<TaskNode> Read(TaskContext context, YScalar key, YNode value)
    {
        if (Describe.IsNull(value))
        {
            return [];
        }

        if (value is not YSequence sequence)
        {
            context.Session.Error(value.Location, $"'{key.Value}' must be a list of tasks, not {Describe.Node(value)}");
            return [];
        }

        return Items(context, sequence);
    }

    /// <summary>A file holding a list of tasks (an empty file is an empty list).</summary>
    public static IReadOnlyList<TaskNode> ReadFile(TaskContext context)
    {
        var root = context.Session.LoadYaml(context.File, out _);
        switch (root)
        {
            case null:
                return [];
            case YSequence sequence:
                return Items(context, sequence);
            default:
                context.Session.Error(root.Location, $"a task file must be a list of tasks, not {Describe.Node(root)}");
                return [];
        }
    }

    public static IReadOnlyList<ModuleTask> ReadHandlers(TaskContext context, YScalar key, YNode value) =>
        Handlers(context, Read(context with { IsHandler = true }, key, value));

    public static IReadOnlyList<ModuleTask> ReadHandlerFile(TaskContext context) =>
        Handlers(context, ReadFile(context with { IsHandler = true }));

    private static List<TaskNode> Items(TaskContext context, YSequence sequence)
    {
        var tasks = new List<TaskNode>();
        foreach (var item in sequence.Items)
        {
            if (TaskReader.Read(context, item) is { } task)
            {
                tasks.Add(task);
            }
        }

        return tasks;
    }

    private static List<ModuleTask> Handlers(TaskContext context, IReadOnlyList<TaskNode> nodes)
    {
        var handlers = new List<ModuleTask>();
        foreach (var node in nodes)
        {
            if (node is ModuleTask handler)
            {
                handlers.Add(handler);
                continue;
            }

            context.Session.Error(node.Location, "a handler must be a module task (blocks, include_tasks and import_tasks are not supported in handlers)");
        }

        return handlers;
    }
}
