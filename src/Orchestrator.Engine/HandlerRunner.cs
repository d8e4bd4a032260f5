using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Runs notified handlers: in definition order, once per host, only on hosts that notified them by name
/// or listen topic. A handler notified by an earlier handler in the same flush runs in that flush.
/// </summary>
internal sealed class HandlerRunner(RunContext run, PlayContext play, TaskWalker walker)
{
    private readonly Dictionary<string, ModuleTask> owners = NameOwners(play.Play);

    public async Task FlushAsync(IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var consumed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var handler in play.Handlers)
        {
            // A name notifies one handler (several may share it), a listen topic every handler listening to it.
            var names = new HashSet<string>(handler.Listen, StringComparer.Ordinal);
            names.UnionWith(Names(handler).Where(n => ReferenceEquals(owners[n], handler)));

            var targets = hosts.Where(h => run.Host(h).IsActive && run.Host(h).Notified.Overlaps(names)).ToList();
            if (targets.Count == 0)
            {
                continue;
            }

            foreach (var host in targets)
            {
                var state = run.Host(host);
                if (!consumed.TryGetValue(host, out var set))
                {
                    consumed[host] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(names.Where(state.Notified.Contains));
            }

            var handlerScope = scope.Enter(handler.Common) with { IsHandler = true, Rescuable = false };
            await walker.RunTaskAsync(handler, targets, handlerScope, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (host, names) in consumed)
        {
            run.Host(host).Notified.ExceptWith(names);
        }
    }

    // Ansible's search (ansible-core 2.14, search_handler_blocks_by_name): the play's own handlers first, then
    // the roles' from the last role back, the first handler of each list with the name winning.
    private static Dictionary<string, ModuleTask> NameOwners(Play play)
    {
        var owners = new Dictionary<string, ModuleTask>(StringComparer.Ordinal);
        foreach (var handler in play.Roles.Reverse().Select(r => r.Handlers).Prepend(play.Handlers).SelectMany(h => h))
        {
            foreach (var name in Names(handler))
            {
                owners.TryAdd(name, handler);
            }
        }

        return owners;
    }

    private static IEnumerable<string> Names(ModuleTask handler)
    {
        if (handler.Common.Name is { } name)
        {
            yield return name;
            if (handler.Role is { } role)
            {
                // Ansible also accepts "role : handler", and the parser lets it through.
                yield return $"{role.Name} : {name}";
            }
        }
    }
}
