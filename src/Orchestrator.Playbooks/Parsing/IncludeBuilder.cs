using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>include_tasks (dynamic; preloaded when its file name has no template) and import_tasks (expanded into a block).</summary>
internal static class IncludeBuilder
{
    public static TaskNode? Include(TaskContext context, TaskParts parts, KeyValuePair<YScalar, YNode> entry, TaskCommon common)
    {
        var loop = LoopReader.Read(context.Session, parts);
        if (FileName(context.Session, entry.Key, entry.Value) is not { } fileNode)
        {
            return null;
        }

        var include = new IncludeTasks(parts.Mapping.Location, common, context.Role, fileNode.Value, context.IncludeDirectory) { Loop = loop };
        if (ArgumentBinder.ContainsTemplate(fileNode.Value))
        {
            return include;
        }

        var tasks = TaskFiles.Load(context, fileNode, "include_tasks", out var folder);
        return include with { BaseDirectory = folder ?? context.IncludeDirectory, Preloaded = tasks ?? [] };
    }

    public static TaskNode? Import(TaskContext context, TaskParts parts, KeyValuePair<YScalar, YNode> entry, TaskCommon common)
    {
        if (FileName(context.Session, entry.Key, entry.Value) is not { } fileNode)
        {
            return null;
        }

        if (ArgumentBinder.ContainsTemplate(fileNode.Value))
        {
            context.Session.Error(fileNode.Location, "import_tasks needs a file name without templates (use include_tasks for a dynamic file)");
            return null;
        }

        var tasks = TaskFiles.Load(context, fileNode, "import_tasks", out _);
        return tasks is null ? null : new BlockTask(parts.Mapping.Location, common, context.Role, tasks, [], []);
    }

    /// <summary>"include_tasks: file.yaml" or "include_tasks: {file: file.yaml}".</summary>
    private static YScalar? FileName(ParseSession session, YScalar key, YNode value)
    {
        var fileNode = value;
        if (value is YMapping mapping)
        {
            foreach (var (option, _) in mapping.Entries.Where(e => e.Key.Value != "file"))
            {
                session.Error(option.Location, $"unknown {key.Value} option '{option.Value}' (supported: file)");
            }

            fileNode = mapping["file"] ?? mapping;
        }

        if (fileNode is YScalar scalar && !Describe.IsNull(scalar) && scalar.Value.Trim().Length > 0)
        {
            session.CheckTemplate(scalar.Value, scalar.Location);
            return scalar;
        }

        session.Error(fileNode.Location, $"'{key.Value}' needs a file name, not {Describe.Node(fileNode)}");
        return null;
    }
}
