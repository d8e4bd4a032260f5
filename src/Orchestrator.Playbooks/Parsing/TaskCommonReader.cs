using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads the keywords every task, block, include and role entry shares into a <see cref="TaskCommon"/>.</summary>
internal static class TaskCommonReader
{
    public static TaskCommon Read(ParseSession session, IEnumerable<KeyValuePair<YScalar, YNode>> entries, bool localAction = false)
    {
        var common = localAction ? TaskCommon.Empty with { DelegateTo = "localhost" } : TaskCommon.Empty;
        foreach (var (key, value) in entries)
        {
            common = key.Value switch
            {
                "name" => common with { Name = KeywordReader.String(session, key, value) },
                "when" => common with { When = ConditionReader.Read(session, key, value) },
                "tags" => common with { Tags = KeywordReader.Tags(session, key, value) },
                "become" => common with { Become = KeywordReader.Bool(session, key, value) },
                "become_user" => common with { BecomeUser = KeywordReader.String(session, key, value) },
                "vars" => common with { Vars = KeywordReader.Mapping(session, key, value, variableNames: true) },
                "environment" => common with { Environment = KeywordReader.Mapping(session, key, value) },
                "ignore_errors" => common with { IgnoreErrors = KeywordReader.Bool(session, key, value) },
                "no_log" => common with { NoLog = KeywordReader.Bool(session, key, value) },
                "check_mode" => common with { CheckMode = KeywordReader.Bool(session, key, value) },
                "delegate_to" => common with { DelegateTo = DelegateTo(session, key, value) },
                "run_once" => common with { RunOnce = KeywordReader.Bool(session, key, value) },
                "any_errors_fatal" => common with { AnyErrorsFatal = KeywordReader.Bool(session, key, value) },
                _ => common,
            };
        }

        return common;
    }

    private static string? DelegateTo(ParseSession session, YScalar key, YNode value)
    {
        var target = KeywordReader.String(session, key, value);
        if (target is null || target == "localhost" || ArgumentBinder.ContainsTemplate(target))
        {
            return target;
        }

        session.Error(value.Location, $"'delegate_to' supports only 'localhost', not '{target}'");
        return null;
    }
}
