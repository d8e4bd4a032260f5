using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>Runs a program with arguments, without a shell: every word is quoted, so $, |, > and * stay literal.</summary>
internal sealed class CommandModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "command",
        "Runs a command on the host without a shell (no variables, pipes, redirections or globs; use shell for those).",
        [
            new ArgumentSpec("cmd", ArgumentType.String, "The command line, split into words with shell-like quoting ('...', \"...\", backslash)."),
            new ArgumentSpec("argv", ArgumentType.List, "The command as a list of words, instead of cmd."),
            .. CommandArguments.Common,

            // Declared so that "command: ls executable=/bin/bash" takes the word out of the command, as Ansible does.
            new ArgumentSpec("executable", ArgumentType.Path, "Ignored, with a warning (as in Ansible since 2.4): command runs no shell; use shell for this."),
        ])
    {
        FreeFormArgument = "cmd",
        RequiredOneOf = [["cmd", "argv"]],
        MutuallyExclusive = [["cmd", "argv"]],
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        IReadOnlyList<string> words;
        try
        {
            words = arguments.GetString("cmd") is { } line ? CommandWords.Split(line) : arguments.GetStringList("argv");
        }
        catch (FormatException error)
        {
            return ModulePlan.Done(ModuleResult.Fail(error.Message));
        }

        if (words.Count == 0)
        {
            return ModulePlan.Done(ModuleResult.Fail("no command given"));
        }

        var invocation = new CommandInvocation("exec " + ShellQuote.Join(words), words.Cast<object?>().ToList()) { Program = words[0] }.WithCommonArguments(arguments);
        var plan = await CommandRunner.PlanAsync(context, invocation, cancellationToken);
        return arguments.GetString("executable") is { } executable
            ? plan.WithWarnings([$"As of Ansible 2.4, the parameter 'executable' is no longer supported with the 'command' module. Not using '{executable}'."])
            : plan;
    }
}
