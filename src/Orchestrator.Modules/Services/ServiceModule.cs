using System.Text.RegularExpressions;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Services;

/// <summary>
/// Starts, stops, restarts, reloads, enables and disables a service under systemd, upstart or sysvinit. One probe
/// finds the init system and the service's state; one command changes it (upstart's enable/disable is its
/// .override file, written through the atomic upload; never under systemd).
/// </summary>
internal sealed partial class ServiceModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "service",
        "Controls a service (systemd, with upstart and sysvinit fallback): started/stopped/restarted/reloaded, enabled at boot or not.",
        [
            new ArgumentSpec("name", ArgumentType.String, "The service: a systemd unit (\"ssh\" means ssh.service), an upstart job or an /etc/init.d script.") { Required = true, Aliases = ["service"] },
            new ArgumentSpec("state", ArgumentType.String, "started/stopped change only what is needed; restarted and reloaded always act (a stopped service is started).")
            {
                Choices = ["started", "stopped", "restarted", "reloaded"],
            },
            new ArgumentSpec("enabled", ArgumentType.Bool, "Start at boot (true) or not (false)."),
            new ArgumentSpec("daemon_reload", ArgumentType.Bool, "systemd: run systemctl daemon-reload first when a unit file changed on disk since systemd read it.") { Default = false, Aliases = ["daemon-reload"] },
            new ArgumentSpec("use", ArgumentType.String, "The init system; auto finds it on the host.") { Default = "auto", Choices = ["auto", "systemd", "upstart", "sysvinit"] },
        ])
    {
        RequiredOneOf = [["state", "enabled"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var name = arguments.GetRequiredString("name");
        if (!NamePattern().IsMatch(name))
        {
            return ModulePlan.Done(ModuleResult.Fail($"'{name}' is not a service name"));
        }

        var state = arguments.GetString("state");
        var wantEnabled = arguments.GetRaw("enabled") as bool?;
        var (status, error) = await ServiceProbe.RunAsync(context.Transport, name, arguments.GetString("use") ?? "auto", cancellationToken);
        if (status is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error!));
        }

        if (!status.Found)
        {
            return ModulePlan.Done(ModuleResult.Fail($"Could not find the requested service {name}: host ({status.Manager})"));
        }

        if (wantEnabled == false && status.Static)
        {
            return ModulePlan.Done(ModuleResult.Fail($"{name} is a static systemd unit (no [Install] section): it cannot be disabled, only masked"));
        }

        var warnings = new List<string>();
        var daemonReload = arguments.GetBool("daemon_reload") && status.NeedsDaemonReload;
        if (status.NeedsDaemonReload && !daemonReload)
        {
            warnings.Add($"the unit file of {name} changed on disk and systemd has not read it yet; daemon_reload: true would");
        }

        var action = state switch
        {
            "started" when !status.Running => "start",
            "stopped" when status.Running => "stop",
            "restarted" => status.Running ? "restart" : "start",
            "reloaded" => status.Running ? "reload" : "start",
            _ => null,
        };
        var actions = new ServiceActions(action, wantEnabled is { } want && want != status.Enabled && !(want && status.Static) ? want : null, daemonReload);
        var after = Result(name, status, actions) with { Warnings = warnings };
        if (!actions.Any)
        {
            return ModulePlan.Done(after);
        }

        var predicted = after with { Changed = true, Message = actions.Summary };
        return ModulePlan.Change(predicted, token => ApplyAsync(context.Transport, name, status, actions, predicted, token));
    }

    private static async Task<ModuleResult> ApplyAsync(ITransport transport, string name, ServiceStatus status, ServiceActions actions, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var command = actions.Command(status.Manager, name);
        if (status.Manager == "upstart" && actions.Enable is { } enable)
        {
            var path = ServiceProbe.UpstartOverride(name);
            var content = ServiceActions.UpstartOverride(status.Override, enable);
            if (content is null)
            {
                command = command.Length == 0 ? $"rm -f -- {ShellQuote.Quote(path)}" : $"rm -f -- {ShellQuote.Quote(path)} && {command}";
            }
            else
            {
                await transport.PutFileAsync(new FileUpload(path, System.Text.Encoding.UTF8.GetBytes(content)) { Mode = "0644" }, cancellationToken);
            }
        }

        if (command.Length == 0)
        {
            return predicted;
        }

        var run = await transport.RunAsync(new CommandRequest(command), cancellationToken);
        var result = predicted with { ReturnCode = run.ExitCode, Stdout = run.StdoutText, Stderr = run.StderrText };
        return run.ExitCode == 0
            ? result
            : result with { Changed = false, Failed = true, Message = $"{actions.Summary} of {name} failed: {(run.StderrText.Trim().Length > 0 ? run.StderrText.Trim() : run.StdoutText.Trim())}" };
    }

    private static ModuleResult Result(string name, ServiceStatus status, ServiceActions actions) => new()
    {
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = name,
            ["state"] = actions.Action is null ? (status.Running ? "started" : "stopped") : actions.Action == "stop" ? "stopped" : "started",
            ["enabled"] = actions.Enable ?? status.Enabled,
            ["service_mgr"] = status.Manager,
        },
    };

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9@._:\\-]*$")]
    private static partial Regex NamePattern();
}
