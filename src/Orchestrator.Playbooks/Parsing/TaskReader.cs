using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads one entry of a task list into a module task, block, include_tasks or (expanded) import_tasks.</summary>
internal static class TaskReader
{
    public static TaskNode? Read(TaskContext context, YNode item)
    {
        var session = context.Session;
        if (item is not YMapping mapping)
        {
            session.Error(item.Location, $"a task must be a mapping, not {Describe.Node(item)}");
            return null;
        }

        var parts = TaskClassifier.Classify(session, mapping);
        if (parts.ActionKeys.Count > 1)
        {
            var names = string.Join(" and ", parts.ActionKeys.Select(k => $"'{k.Value}'"));
            var message = parts.Sections.ContainsKey("block")
                ? $"a block cannot also run a module or include, found {names}"
                : $"a task can have only one module or include, found {names}";
            session.Error(parts.ActionKeys[1].Location, message);
            return null;
        }

        foreach (var (name, (key, _)) in parts.Sections)
        {
            if (name != "block" && !parts.Sections.ContainsKey("block"))
            {
                session.Error(key.Location, $"'{name}' is only allowed together with 'block'");
            }
        }

        if (parts.Sections.ContainsKey("block"))
        {
            CheckAllowed(session, parts, "a block", allowLoop: false, also: "notify");
            return BlockBuilder.Build(context, parts, Common(session, parts));
        }

        if (parts.Include is { } include)
        {
            CheckAllowed(session, parts, "include_tasks", allowLoop: true);
            return IncludeBuilder.Include(context, parts, include, Common(session, parts));
        }

        if (parts.Import is { } import)
        {
            CheckAllowed(session, parts, "import_tasks", allowLoop: false);
            return IncludeBuilder.Import(context, parts, import, Common(session, parts));
        }

        if (parts.Modules.Count == 1)
        {
            return ModuleTaskBuilder.Build(context, parts, parts.Modules[0], Common(session, parts));
        }

        if (parts.ActionKeys.Count == 0 && parts.Sections.Count == 0 && !parts.ReportedUnknownModule)
        {
            session.Error(mapping.Location, "a task needs a module (e.g. 'command:' or 'debug:'), 'block', 'include_tasks' or 'import_tasks'");
        }

        return null;
    }

    private static TaskCommon Common(ParseSession session, TaskParts parts) =>
        TaskCommonReader.Read(session, parts.Keywords.Values.Where(e => TaskKeywords.Common.Contains(e.Key.Value)), parts.LocalAction);

    private static void CheckAllowed(ParseSession session, TaskParts parts, string what, bool allowLoop, string? also = null)
    {
        foreach (var (key, _) in parts.Keywords.Values)
        {
            if ((TaskKeywords.ModuleOnly.Contains(key.Value) && key.Value != also) || (!allowLoop && TaskKeywords.Loop.Contains(key.Value)))
            {
                var advice = what == "import_tasks" && TaskKeywords.Loop.Contains(key.Value) ? " (use include_tasks to loop)" : "";
                session.Error(key.Location, $"'{key.Value}' is not allowed on {what}{advice}");
            }
        }
    }
}
