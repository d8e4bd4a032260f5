using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>meta actions act on the run itself, so the engine carries them out (as Ansible's strategy does).</summary>
internal sealed class MetaRunner(RunContext run, PlayContext play, TaskWalker walker)
{
    public async Task RunAsync(ModuleTask task, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var action = task.Arguments.Values.FirstOrDefault()?.ToString() ?? "noop";
        var variables = new VariableBuilder(run, play);
        var chosen = hosts.Where(h => ExpressionGuard.All(run, scope.When, variables.Build(h, scope))).ToList();
        switch (action)
        {
            case "flush_handlers":
                await walker.Handlers.FlushAsync(chosen, scope with { When = [] }, cancellationToken).ConfigureAwait(false);
                break;
            case "end_play" when chosen.Count > 0:
                walker.PlayEnded = true;
                break;
            case "end_batch" when chosen.Count > 0:
                walker.BatchEnded = true;
                break;
            case "reset_connection":
                await Task.WhenAll(chosen.Select(run.Transports.ResetAsync)).ConfigureAwait(false);
                break;
            case "clear_host_errors" when chosen.Count > 0:
                // As in Ansible: hosts that failed (or were unreachable) sit out the rest of this play, then take part
                // in the next plays again. Their failures stay in the recap.
                foreach (var host in play.Batch.Select(run.Host).Where(h => h.Failed || h.Unreachable))
                {
                    (host.Failed, host.Unreachable, host.Ended) = (false, false, true);
                }

                break;
            case "end_host":
                chosen.ForEach(h => run.Host(h).Ended = true);
                break;
            case "clear_facts":
                chosen.ForEach(h => run.Host(h).Facts = new Dictionary<string, object?>(StringComparer.Ordinal));
                break;
            case "noop" or "end_play" or "end_batch" or "clear_host_errors" or "refresh_inventory":
                break;
            default:
                throw new UserErrorException(task.Location, $"unknown meta action '{action}'");
        }
    }
}
