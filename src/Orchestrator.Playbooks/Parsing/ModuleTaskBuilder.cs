using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;
using Orchestrator.Playbooks.Validation;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Builds a <see cref="ModuleTask"/>: arguments (validated against the module's spec) and the module-only keywords.</summary>
internal static class ModuleTaskBuilder
{
    public static ModuleTask Build(TaskContext context, TaskParts parts, ModuleUse module, TaskCommon common)
    {
        var session = context.Session;
        var arguments = ModuleArgumentReader.Read(session, module.Spec, module.Key, module.Value, parts.Keyword("args"));
        ArgumentValidator.Validate(session, module.Spec, arguments, module.Key.Location);
        var task = new ModuleTask(parts.Mapping.Location, common, context.Role, module.Spec.Name, arguments.Values, arguments.Locations)
        {
            Loop = LoopReader.Read(session, parts),
        };

        foreach (var (key, value) in parts.Keywords.Values)
        {
            task = key.Value switch
            {
                "register" => task with { Register = LoopReader.VariableName(session, key, value) },
                "notify" => task with { Notify = Notify(context, key, value) },
                "changed_when" => task with { ChangedWhen = ConditionReader.Read(session, key, value) },
                "failed_when" => task with { FailedWhen = ConditionReader.Read(session, key, value) },
                "until" => task with { Until = ConditionReader.Read(session, key, value) },
                "retries" => task with { Retries = (int)Math.Min(KeywordReader.Integer(session, key, value, 0) ?? 3, int.MaxValue) },
                "delay" => task with { DelaySeconds = KeywordReader.Number(session, key, value, 0, double.MaxValue) ?? 5 },
                "listen" => task with { Listen = Listen(context, key, value) },
                _ => task,
            };
        }

        return task;
    }

    public static IReadOnlyList<string> Notify(TaskContext context, YScalar key, YNode value)
    {
        var names = KeywordReader.Strings(context.Session, key, value);
        context.Play.NotifyReferences.AddRange(names.Where(n => !ArgumentBinder.ContainsTemplate(n.Text)));
        return names.Select(n => n.Text).ToList();
    }

    private static IReadOnlyList<string> Listen(TaskContext context, YScalar key, YNode value)
    {
        if (!context.IsHandler)
        {
            context.Session.Error(key.Location, "'listen' is only allowed on handlers");
            return [];
        }

        return KeywordReader.Strings(context.Session, key, value).Select(n => n.Text).ToList();
    }
}
