namespace Orchestrator.Engine;

/// <summary>
/// Runs notified handlers: in definition order, once per host, only on hosts that notified them by name
/// or listen topic. A handler notified by an earlier handler in the same flush runs in that flush.
/// </summary>
internal sealed class HandlerRunner(RunContext run, PlayContext play, TaskWalker walker)
{
    public async Task FlushAsync(IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var consumed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var handler in play.Handlers)
        {
            var names = new HashSet<string>(handler.Listen, StringComparer.Ordinal);
            if (handler.Common.Name is { } name)
            {
                names.Add(name);
                if (handler.Role is { } role)
                {
                    // Ansible also accepts "role : handler", and the parser lets it through.
                    names.Add($"{role.Name} : {name}");
                }
            }

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
}
