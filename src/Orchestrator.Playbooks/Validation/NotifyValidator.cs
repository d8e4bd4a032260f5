using Orchestrator.Playbooks.Model;
using Orchestrator.Playbooks.Parsing;

namespace Orchestrator.Playbooks.Validation;

/// <summary>
/// Every notify must name a handler or listen topic of its play (its own or a role's). Ansible finds out at run
/// time, after hosts were changed; we refuse the playbook before anything runs.
/// </summary>
internal static class NotifyValidator
{
    public static void Check(ParseSession session, PlayScope scope, Play play)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        AddTargets(targets, play.Handlers, null);
        foreach (var role in play.Roles)
        {
            AddTargets(targets, role.Handlers, role.Info.Name);
        }

        foreach (var reference in scope.NotifyReferences.Where(r => !targets.Contains(r.Text)))
        {
            var hint = Suggest.Hint(reference.Text, targets);
            session.Error(reference.Location, $"notify '{reference.Text}' names no handler or listen topic of this play{hint}");
        }
    }

    private static void AddTargets(HashSet<string> targets, IEnumerable<ModuleTask> handlers, string? roleName)
    {
        foreach (var handler in handlers)
        {
            if (handler.Common.Name is { } name)
            {
                targets.Add(name);
                if (roleName is not null)
                {
                    targets.Add($"{roleName} : {name}");
                }
            }

            targets.UnionWith(handler.Listen);
        }
    }
}
