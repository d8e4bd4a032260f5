using System.Diagnostics;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;
using Orchestrator.Core.Transport;
using Orchestrator.Modules;
using Orchestrator.Output;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Runs one task on one host: when, loop items, the module, and the output lines of items.</summary>
internal sealed class HostTaskRunner(RunContext run, PlayContext play)
{
    private const string HiddenMessage = "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

    private readonly VariableBuilder variables = new(run, play);
    private readonly ModuleInvoker invoker = new(run, play);

    /// <param name="scope">The task's effective scope (enclosing keywords with the task's own applied).</param>
    public async Task<(TaskOutcome Outcome, HostResult Line)> RunAsync(
        ModuleTask task, TaskScope scope, string host, TaskStarted display, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var noLog = scope.NoLog ?? false;
        try
        {
            var vars = variables.Build(host, scope);
            var outcome = task.Loop is null
                ? await RunSingleAsync(task, scope, host, vars, cancellationToken).ConfigureAwait(false)
                : await RunLoopAsync(task, scope, host, vars, display, noLog, cancellationToken).ConfigureAwait(false);
            if (outcome.Outcome.Status == ResultStatus.Changed && task.Notify.Any(n => n.Contains("{{", StringComparison.Ordinal)))
            {
                outcome.Outcome = outcome.Outcome with { Notify = RenderNotify(task, vars) };
            }

            return (outcome.Outcome, Line(display, host, outcome.Outcome, outcome.Result, scope, noLog, clock.Elapsed) with { HasItems = task.Loop is not null });
        }
        catch (HostUnreachableException ex)
        {
            var registered = new Dictionary<string, object?>(StringComparer.Ordinal) { ["unreachable"] = true, ["msg"] = ex.Message, ["changed"] = false };
            var outcome = new TaskOutcome(ResultStatus.Unreachable, registered, false);
            return (outcome, new HostResult(host, display, ResultStatus.Unreachable) { Message = ex.Message, Duration = clock.Elapsed });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A user error (undefined variable at run time) or the host refusing a write fails this task on
            // this host only; the run goes on for the others.
            var failure = ModuleResult.Fail(ex is UserErrorException user ? ExpressionGuard.OneLine(user) : ex.Message);
            var outcome = new TaskOutcome(ResultStatus.Failed, RegisteredResult.From(failure), scope.IgnoreErrors ?? false);
            return (outcome, Line(display, host, outcome, failure, scope, noLog, clock.Elapsed));
        }
    }

    private async Task<(TaskOutcome Outcome, ModuleResult? Result)> RunSingleAsync(
        ModuleTask task, TaskScope scope, string host, Dictionary<string, object?> vars, CancellationToken cancellationToken)
    {
        if (ExpressionGuard.FirstFalse(run, scope.When, vars) is { } falseCondition)
        {
            var skipped = RegisteredResult.Skipped($"Conditional result was False: {falseCondition.Text}");
            return (new TaskOutcome(ResultStatus.Skipped, skipped, false), null);
        }

        var (result, registered) = await invoker.InvokeAsync(task, scope, host, vars, cancellationToken).ConfigureAwait(false);
        return (new TaskOutcome(StatusOf(result), registered, result.Failed && (scope.IgnoreErrors ?? false)) { Facts = result.Facts }, result);
    }

    private async Task<(TaskOutcome Outcome, ModuleResult? Result)> RunLoopAsync(
        ModuleTask task, TaskScope scope, string host, Dictionary<string, object?> vars, TaskStarted display, bool noLog, CancellationToken cancellationToken)
    {
        var loop = task.Loop!;
        var items = LoopItems.Resolve(run, loop, vars);
        var results = new List<Dictionary<string, object?>>();
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var loopVars = LoopItems.Variables(loop, item, index, items.Count);
            var itemVars = variables.Build(host, scope, loopVars: loopVars);
            foreach (var (key, value) in facts.Where(f => !loopVars.ContainsKey(f.Key) && !run.Options.ExtraVars.ContainsKey(f.Key)))
            {
                // As in Ansible, an item sees what set_fact did for the items before it ("list + [item]" idiom).
                itemVars[key] = value;
            }

            var label = noLog ? SecretLabel : LoopItems.Label(run, loop, item, itemVars);
            var clock = Stopwatch.StartNew();
            ModuleResult? result = null;
            Dictionary<string, object?> registered;
            if (ExpressionGuard.FirstFalse(run, scope.When, itemVars) is { } falseCondition)
            {
                registered = RegisteredResult.Skipped($"Conditional result was False: {falseCondition.Text}");
            }
            else
            {
                (result, registered) = await invoker.InvokeAsync(task, scope, host, itemVars, cancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in result.Facts ?? new Dictionary<string, object?>())
                {
                    facts[key] = value;
                }
            }

            registered[loop.LoopVar] = item;
            registered["ansible_loop_var"] = loop.LoopVar;
            results.Add(registered);
            var status = result is null ? ResultStatus.Skipped : StatusOf(result);
            var itemOutcome = new TaskOutcome(status, registered, result?.Failed == true && (scope.IgnoreErrors ?? false));
            run.Output.HostResult(Line(display, host, itemOutcome, result, scope, noLog, clock.Elapsed) with { ItemLabel = label });
        }

        var aggregate = RegisteredResult.ForLoop(results);
        var overall = aggregate["failed"] is true ? ResultStatus.Failed
            : aggregate["changed"] is true ? ResultStatus.Changed
            : aggregate["skipped"] is true ? ResultStatus.Skipped
            : ResultStatus.Ok;
        var failedMessage = overall == ResultStatus.Failed ? (string?)aggregate["msg"] : null;
        var summary = failedMessage is null ? null : ModuleResult.Fail(failedMessage);
        return (new TaskOutcome(overall, aggregate, overall == ResultStatus.Failed && (scope.IgnoreErrors ?? false)) { Facts = facts.Count > 0 ? facts : null }, summary);
    }

    private List<string> RenderNotify(ModuleTask task, IReadOnlyDictionary<string, object?> vars) =>
        task.Notify.Select(n => run.Templates.RenderValue(n, vars, task.Location)?.ToString() ?? "").ToList();

    private const string SecretLabel = Orchestrator.Core.Secrets.SecretMasker.Mask;

    private static ResultStatus StatusOf(ModuleResult result) =>
        result.Failed ? ResultStatus.Failed : result.Skipped ? ResultStatus.Skipped : result.Changed ? ResultStatus.Changed : ResultStatus.Ok;

    private HostResult Line(TaskStarted display, string host, TaskOutcome outcome, ModuleResult? result, TaskScope scope, bool noLog, TimeSpan duration)
    {
        var line = new HostResult(host, display, outcome.Status)
        {
            Ignored = outcome.Ignored,
            Duration = duration,
            DelegatedTo = scope.DelegateTo,
        };
        if (noLog)
        {
            return line with { Message = outcome.Status == ResultStatus.Skipped ? "" : HiddenMessage };
        }

        if (result is null)
        {
            return line with { Message = outcome.Registered.GetValueOrDefault("skip_reason") as string ?? "", Details = outcome.Registered };
        }

        return line with
        {
            Message = result.Message,
            Quiet = result.Quiet,
            ReturnCode = result.ReturnCode,
            Stdout = result.Stdout,
            Stderr = result.Stderr,
            Diff = run.Options.DiffMode && result.Diff is { } diff ? UnifiedDiff.Render(diff.Path, diff.Before, diff.After) : null,
            Details = outcome.Registered,
        };
    }
}
