using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// Sends the text as is to the host's shell, Ansible's raw. Unlike shell it takes no chdir/creates/removes/stdin
/// and keeps stdout and stderr exactly as printed (trailing newlines included).
/// </summary>
internal sealed class RawModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "raw",
        "Sends a command line as is to the host's shell and reports rc, stdout and stderr. Always changed; skipped in check mode; a non-zero rc fails.",
        [
            new ArgumentSpec("cmd", ArgumentType.String, "The command text, passed unchanged to the shell.") { Required = true },
            new ArgumentSpec("executable", ArgumentType.Path, "Shell to run the text with instead of /bin/sh, as: executable -c cmd (an absolute path, e.g. /bin/bash)."),
        ])
    {
        FreeFormArgument = "cmd",
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var text = arguments.GetRequiredString("cmd");
        var script = arguments.GetString("executable") is { } executable
            ? $"exec {ShellQuote.Quote(executable)} -c {ShellQuote.Quote(text)}"
            : text;
        return CommandRunner.PlanAsync(context, new CommandInvocation(script, text) { StripEmptyEnds = false }, cancellationToken);
    }
}
