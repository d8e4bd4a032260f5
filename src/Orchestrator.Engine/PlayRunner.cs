using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>One play: its hosts in serial batches; per batch facts, pre_tasks, roles and tasks, post_tasks, each section followed by its handlers.</summary>
internal sealed class PlayRunner(RunContext run, TaskFileLoader loadTaskFile)
{
    /// <returns>False when no host is left to go on with the playbook.</returns>
    public async Task<bool> RunAsync(Play play, CancellationToken cancellationToken)
    {
        var hosts = ResolveHosts(play);
        if (hosts.Count == 0)
        {
            run.Output.PlayStarted(new PlayStarted(play.Name, hosts));
            run.Output.Warning($"no hosts matched '{play.Hosts.Text}'{(run.Options.Limit is null ? "" : $" with --limit {run.Options.Limit}")}: skipping play");
            return true;
        }

        var context = new PlayContext(play, hosts);
        var root = new TaskScope
        {
            Tags = play.Tags,
            Become = play.Become,
            BecomeUser = play.BecomeUser,
            Environment = play.Environment,
            CheckMode = play.CheckMode,
            AnyErrorsFatal = play.AnyErrorsFatal,
        };
        foreach (var batch in BatchPlanner.Plan(hosts, play.Serial))
        {
            // Like ansible-playbook, every serial batch is announced as a play of its own.
            context.Batch = batch;
            run.Output.PlayStarted(new PlayStarted(play.Name, batch));
            var walker = new TaskWalker(run, context, loadTaskFile);
            if (play.GatherFacts && run.Modules.FindModule("setup") is not null)
            {
                await walker.RunTaskAsync(FactsTask(play), batch, root with { Tags = ["always"] }, cancellationToken).ConfigureAwait(false);
            }

            await RunSectionAsync(walker, play.PreTasks, batch, root, cancellationToken).ConfigureAwait(false);
            foreach (var role in play.Roles)
            {
                var roleScope = root.Enter(role.Common).WithVars(role.Parameters);
                await walker.RunListAsync(role.Tasks, batch, roleScope, cancellationToken).ConfigureAwait(false);
            }

            await RunSectionAsync(walker, play.Tasks, batch, root, cancellationToken).ConfigureAwait(false);
            await RunSectionAsync(walker, play.PostTasks, batch, root, cancellationToken).ConfigureAwait(false);
            foreach (var host in batch)
            {
                // Notifications belong to this play's handlers: one never flushed (end_play, end_host) must not
                // run a handler of the same name in a later play.
                run.Host(host).Ended = false;
                run.Host(host).Notified.Clear();
            }

            if (walker.PlayEnded)
            {
                // meta: end_play ends the play, later batches included; the next play runs as usual.
                return true;
            }

            if (walker.Aborted || batch.All(h => !run.Host(h).IsActive))
            {
                // A whole batch failing (or an abort) ends the play: later batches would fail the same way.
                return batch.Any(h => run.Host(h).IsActive) && !walker.Aborted;
            }
        }

        return true;
    }

    private static async Task RunSectionAsync(TaskWalker walker, IReadOnlyList<TaskNode> tasks, IReadOnlyList<string> batch, TaskScope root, CancellationToken cancellationToken)
    {
        await walker.RunListAsync(tasks, batch, root, cancellationToken).ConfigureAwait(false);
        if (!walker.Stopped)
        {
            await walker.Handlers.FlushAsync(batch, root, cancellationToken).ConfigureAwait(false);
        }
    }

    private IReadOnlyList<string> ResolveHosts(Play play)
    {
        var hosts = run.Inventory.Resolve(play.Hosts.Text, play.Hosts.Location);
        if (run.Options.Limit is { } limit)
        {
            var allowed = new HashSet<string>(run.Inventory.Resolve(limit, new SourceLocation("--limit", 0, 0)), StringComparer.Ordinal);
            hosts = hosts.Where(allowed.Contains).ToList();
        }

        // Hosts that failed or were unreachable in an earlier play sit out the rest of the playbook, as in Ansible.
        return hosts.Where(h => run.Host(h) is { Failed: false, Unreachable: false }).ToList();
    }

    private static ModuleTask FactsTask(Play play) =>
        new(play.Location, TaskCommon.Empty with { Name = "Gathering Facts" }, null, "setup", new Dictionary<string, object?>(), new Dictionary<string, SourceLocation>());
}
