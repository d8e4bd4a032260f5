using Orchestrator.Core.Output;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Secrets;
using Orchestrator.Core.Transport;
using Orchestrator.Modules;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Runs a module once for one host (one loop item): renders and binds arguments, plans, applies unless in
/// check mode, then applies until/retries, changed_when and failed_when.
/// </summary>
internal sealed class ModuleInvoker(RunContext run, PlayContext play)
{
    public async Task<(ModuleResult Result, Dictionary<string, object?> Registered)> InvokeAsync(
        ModuleTask task, TaskScope scope, string host, Dictionary<string, object?> vars, CancellationToken cancellationToken)
    {
        var module = run.Modules.FindModule(task.Module)
                     ?? throw new UserErrorException(task.Location, $"unknown module '{task.Module}'");
        using var hidden = scope.NoLog == true ? NoLogScope.Enter() : null;
        var (arguments, problems) = ArgumentBinder.Bind(module.Spec, RenderArguments(task, vars), deferTemplates: false);
        if (problems.Count > 0)
        {
            var failure = ModuleResult.Fail(string.Join("; ", problems.Select(p => p.Message)));
            return (failure, RegisteredResult.From(failure));
        }

        RegisterSecretArguments(module.Spec, arguments);
        var transport = TransportFor(scope, host, vars);
        var context = new ModuleContext
        {
            Arguments = arguments,
            Transport = transport,
            Become = transport.Become is not null,
            HostName = host,
            Variables = vars,
            Templates = run.Templates,
            Files = new LocalFileSearch(task.Role?.Directory, play.Play.BaseDirectory, run.Options.ProjectDirectory ?? play.Play.BaseDirectory),
            TaskLocation = task.Location,
            CheckMode = scope.CheckMode ?? run.Options.CheckMode,
            DiffMode = run.Options.DiffMode,
            Verbosity = run.Options.Verbosity,
        };

        var attempts = task.Until.Count > 0 ? Math.Max(1, task.Retries + 1) : 1;
        for (var attempt = 1; ; attempt++)
        {
            var result = await RunPlanAsync(module, context, cancellationToken).ConfigureAwait(false);
            foreach (var warning in result.Warnings)
            {
                run.Output.Warning($"[{host}] {warning}");
            }

            result = ApplyOverrides(task, result, vars);
            var registered = RegisteredResult.From(result);
            if (task.Until.Count == 0)
            {
                return (result, registered);
            }

            registered["attempts"] = (long)attempt;
            if (ExpressionGuard.All(run, task.Until, WithRegistered(vars, task, registered)) || attempt >= attempts)
            {
                if (attempt >= attempts && !ExpressionGuard.All(run, task.Until, WithRegistered(vars, task, registered)))
                {
                    result = result with { Failed = true, Message = $"retries exhausted ({attempt} attempts): {result.Message}".TrimEnd(' ', ':') };
                    registered = RegisteredResult.From(result);
                    registered["attempts"] = (long)attempt;
                }

                return (result, registered);
            }

            run.Output.Retry(new RetryNotice(host, task.DisplayName, attempts - attempt));
            await Task.Delay(TimeSpan.FromSeconds(task.DelaySeconds), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ModuleResult> RunPlanAsync(IModule module, ModuleContext context, CancellationToken cancellationToken)
    {
        var plan = await module.PlanAsync(context, cancellationToken).ConfigureAwait(false);
        if (plan.Apply is null || context.CheckMode)
        {
            return plan.Result;
        }

        return await plan.Apply(cancellationToken).ConfigureAwait(false);
    }

    private ModuleResult ApplyOverrides(ModuleTask task, ModuleResult result, Dictionary<string, object?> vars)
    {
        if (task.ChangedWhen.Count == 0 && task.FailedWhen.Count == 0)
        {
            return result;
        }

        var scoped = WithRegistered(vars, task, RegisteredResult.From(result));
        if (task.ChangedWhen.Count > 0 && !result.Skipped)
        {
            result = result with { Changed = ExpressionGuard.All(run, task.ChangedWhen, scoped) };
        }

        if (task.FailedWhen.Count > 0 && !result.Skipped)
        {
            // A list of failed_when conditions means all of them, as in Ansible.
            var failed = ExpressionGuard.All(run, task.FailedWhen, scoped);
            result = result with { Failed = failed, Message = failed && result.Message.Length == 0 ? "failed_when condition matched" : result.Message };
        }

        return result;
    }

    private static Dictionary<string, object?> WithRegistered(Dictionary<string, object?> vars, ModuleTask task, Dictionary<string, object?> registered)
    {
        if (task.Register is null)
        {
            return vars;
        }

        var scoped = new Dictionary<string, object?>(vars, StringComparer.Ordinal) { [task.Register] = registered };
        return scoped;
    }

    private Dictionary<string, object?> RenderArguments(ModuleTask task, IReadOnlyDictionary<string, object?> vars)
    {
        var rendered = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, raw) in task.Arguments)
        {
            var location = task.ArgumentLocations.GetValueOrDefault(name, task.Location);
            rendered[name] = run.Templates.RenderDeep(raw, vars, location);
        }

        return rendered;
    }

    private void RegisterSecretArguments(ModuleSpec spec, ModuleArguments arguments)
    {
        foreach (var argument in spec.Arguments.Where(a => a.Secret))
        {
            run.Secrets.Register(arguments.GetString(argument.Name));
        }
    }

    private ScopedTransport TransportFor(TaskScope scope, string host, IReadOnlyDictionary<string, object?> vars)
    {
        var inner = scope.DelegateTo is not null && IsController(scope.DelegateTo, vars) ? run.Transports.Local : run.Transports.For(host);
        var environment = scope.Environment.Count == 0
            ? null
            : scope.Environment.ToDictionary(
                e => e.Key,
                e => run.Templates.RenderValue(e.Value?.ToString() ?? "", vars, SourceLocation.None)?.ToString() ?? "",
                StringComparer.Ordinal);
        return new ScopedTransport(inner, BecomeResolver.Resolve(run, scope, vars), environment);
    }

    private bool IsController(string delegateTo, IReadOnlyDictionary<string, object?> vars)
    {
        var target = run.Templates.RenderValue(delegateTo, vars, SourceLocation.None)?.ToString();
        return target is "localhost" or "127.0.0.1";
    }
}
