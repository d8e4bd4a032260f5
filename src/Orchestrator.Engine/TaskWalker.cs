using Orchestrator.Core.Matching;
using Orchestrator.Core.Output;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// The linear strategy: each task runs on every active host (up to --forks at once) before the next
/// task starts. Walks blocks (rescue/always) and includes.
/// </summary>
internal sealed class TaskWalker
{
    private readonly RunContext run;
    private readonly PlayContext play;
    private readonly HostTaskRunner runner;
    private readonly IncludeRunner includes;
    private readonly TagFilter tags;

    public TaskWalker(RunContext run, PlayContext play, TaskFileLoader loadTaskFile)
    {
        this.run = run;
        this.play = play;
        runner = new HostTaskRunner(run, play);
        includes = new IncludeRunner(run, play, this, loadTaskFile);
        tags = new TagFilter(run.Options.Tags, run.Options.SkipTags);
        Handlers = new HandlerRunner(run, play, this);
    }

    public HandlerRunner Handlers { get; }

    /// <summary>any_errors_fatal or max_fail_percentage stopped the play, and with it the playbook.</summary>
    public bool Aborted { get; set; }

    /// <summary>meta: end_play ended the play for every host; unlike <see cref="Aborted"/> the playbook goes on.</summary>
    public bool PlayEnded { get; set; }

    /// <summary>meta: end_batch ended this serial batch for every host; the play goes on with the next batch.</summary>
    public bool BatchEnded { get; set; }

    public bool Stopped => Aborted || PlayEnded || BatchEnded;

    public async Task RunListAsync(IReadOnlyList<TaskNode> nodes, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var active = hosts.Where(h => run.Host(h).IsActive).ToList();
            if (Stopped || active.Count == 0)
            {
                return;
            }

            switch (node)
            {
                case ModuleTask task when task.Module == "meta":
                    await new MetaRunner(run, play, this).RunAsync(task, active, scope.Enter(task.Common), cancellationToken).ConfigureAwait(false);
                    break;
                case ModuleTask task:
                    await RunTaskAsync(task, active, scope.Enter(task.Common), cancellationToken).ConfigureAwait(false);
                    break;
                case BlockTask block:
                    await RunBlockAsync(block, active, scope, cancellationToken).ConfigureAwait(false);
                    break;
                case IncludeTasks include:
                    await includes.RunAsync(include, active, scope, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    public async Task RunTaskAsync(ModuleTask task, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        if (!scope.IsHandler && !Selected(task, scope))
        {
            return;
        }

        var display = new TaskStarted(task.DisplayName, task.Module, task.Location, scope.IsHandler);
        run.Output.TaskStarted(display);
        var runOnce = scope.RunOnce ?? false;
        var targets = runOnce ? hosts.Take(1).ToList() : hosts;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, run.Options.Forks), CancellationToken = cancellationToken };
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, TaskOutcome>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(targets, options, async (host, token) =>
        {
            var (outcome, line) = await runner.RunAsync(task, scope, host, display, token).ConfigureAwait(false);
            run.Output.HostResult(line);
            outcomes[host] = outcome;
            Apply(task, scope, host, outcome, countStats: true);
        }).ConfigureAwait(false);

        if (runOnce && outcomes.Values.FirstOrDefault() is { } shared)
        {
            // run_once: the one result (register, facts) stands for every host of the batch.
            foreach (var host in hosts.Skip(1))
            {
                Apply(task, scope, host, shared, countStats: false);
            }
        }

        CheckFailureLimits(hosts, scope, outcomes.Values);
    }

    private async Task RunBlockAsync(BlockTask block, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var inner = scope.Enter(block.Common);
        await RunListAsync(block.Block, hosts, inner with { Rescuable = scope.Rescuable || block.Rescue.Count > 0 }, cancellationToken).ConfigureAwait(false);
        var failed = hosts.Where(h => run.Host(h) is { Failed: true, Unreachable: false }).ToList();
        if (block.Rescue.Count > 0 && failed.Count > 0)
        {
            failed.ForEach(h => run.Host(h).Failed = false);
            await RunListAsync(block.Rescue, failed, inner with { Rescuable = scope.Rescuable }, cancellationToken).ConfigureAwait(false);
        }

        if (block.Always.Count > 0)
        {
            // always runs for failed hosts too; their failure stands afterwards.
            var stillFailed = hosts.Where(h => run.Host(h) is { Failed: true, Unreachable: false }).ToList();
            stillFailed.ForEach(h => run.Host(h).Failed = false);
            await RunListAsync(block.Always, hosts, inner with { Rescuable = scope.Rescuable }, cancellationToken).ConfigureAwait(false);
            stillFailed.ForEach(h => run.Host(h).Failed = !run.Host(h).Unreachable);
        }
    }

    /// <summary>Whether tags select an include_tasks itself (with its own tags: they are not its tasks').</summary>
    public bool Selects(TaskScope includeScope) => includeScope.IsHandler || tags.Selects(includeScope.Tags);

    private bool Selected(ModuleTask task, TaskScope scope)
    {
        if (!run.StartReached)
        {
            if (!IsStart(task, run.Options.StartAtTask!))
            {
                return false;
            }

            run.StartReached = true;
        }

        return tags.Selects(scope.Tags);
    }

    // As Ansible's play iterator: the name as written or as shown, equal or matching it as an fnmatch glob.
    private static bool IsStart(ModuleTask task, string start) =>
        task.DisplayName == start
        || (task.Common.Name is { } name && (name == start || Glob.IsMatch(start, name)))
        || Glob.IsMatch(start, task.DisplayName);

    private void Apply(ModuleTask task, TaskScope scope, string host, TaskOutcome outcome, bool countStats)
    {
        var state = run.Host(host);
        if (countStats)
        {
            state.Stats.Count(outcome.Status, outcome.Ignored, scope.Rescuable, outcome.Registered.GetValueOrDefault("changed") is true);
        }

        if (task.Register is not null && outcome.Status != ResultStatus.Unreachable)
        {
            state.RuntimeVars[task.Register] = outcome.Registered;
        }

        if (outcome.Facts is { } facts)
        {
            var target = task.Module == "setup" ? state.Facts : state.RuntimeVars;
            foreach (var (key, value) in facts)
            {
                target[key] = value;
            }
        }

        switch (outcome.Status)
        {
            case ResultStatus.Unreachable:
                state.Unreachable = true;
                break;
            case ResultStatus.Failed when !outcome.Ignored:
                state.Failed = true;
                state.RuntimeVars["ansible_failed_task"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = task.DisplayName };
                state.RuntimeVars["ansible_failed_result"] = outcome.Registered;
                break;
            case ResultStatus.Changed:
                foreach (var name in outcome.Notify ?? task.Notify)
                {
                    state.Notified.Add(name);
                }

                break;
        }
    }

    private void CheckFailureLimits(IReadOnlyList<string> hosts, TaskScope scope, IEnumerable<TaskOutcome> outcomes)
    {
        if (scope.Rescuable)
        {
            // A block's rescue takes these failures over (as Ansible, they are rescued, not failed); only a
            // failure of the rescue itself counts against any_errors_fatal and max_fail_percentage.
            return;
        }

        var anyFailure = outcomes.Any(o => o.IsFailure);
        if (anyFailure && (scope.AnyErrorsFatal ?? play.Play.AnyErrorsFatal))
        {
            Aborted = true;
            run.Output.Warning("any_errors_fatal: a host failed, the play stops for all hosts");
            return;
        }

        if (play.Play.MaxFailPercentage is { } limit && play.Batch.Count > 0)
        {
            var failedHosts = play.Batch.Count(h => run.Host(h).Failed || run.Host(h).Unreachable);
            if (failedHosts * 100.0 / play.Batch.Count > limit)
            {
                Aborted = true;
                run.Output.Warning($"max_fail_percentage {limit}% exceeded ({failedHosts} of {play.Batch.Count} hosts failed): the play stops");
            }
        }
    }
}
