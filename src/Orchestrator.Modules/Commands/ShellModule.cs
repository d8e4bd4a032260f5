using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>Runs shell code on the host with /bin/sh (or the given executable).</summary>
internal sealed class ShellModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "shell",
        "Runs shell code on the host through /bin/sh (pipes, redirections, variables and globs work).",
        [
            new ArgumentSpec("cmd", ArgumentType.String, "The shell code to run.") { Required = true },
            new ArgumentSpec("executable", ArgumentType.Path, "Shell to run the code with instead of /bin/sh (called as: executable -c cmd)."),
            .. CommandArguments.Common,
        ])
    {
        FreeFormArgument = "cmd",
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var code = arguments.GetRequiredString("cmd");
        var script = arguments.GetString("executable") is { } executable
            ? $"exec {ShellQuote.Quote(executable)} -c {ShellQuote.Quote(code)}"
            : code;
        var invocation = new CommandInvocation(script, code).WithCommonArguments(arguments);
        return CommandRunner.PlanAsync(context, invocation, cancellationToken);
    }
}
