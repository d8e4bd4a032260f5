using System.CommandLine;
using System.Runtime.InteropServices;
using Orchestrator.Core;

namespace Orchestrator.Cli;

/// <summary>The `orchestrate` command: verbs, option errors (exit 5), interrupts (exit 99) and user errors (located, no stack trace).</summary>
internal static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

        var verbosityWanted = args.Contains("-vvv");
        var root = new RootCommand("orchestrate: agentless SSH orchestration, Ansible's model done faster and safer")
        {
            RunCommandBuilder.Build((arguments, token) => Guard(() => new RunVerb(output, error).ExecuteAsync(arguments, token), error, arguments.Verbosity)),
            InventoryVerb.Build(output, error),
            ModulesVerb.Build(output, error),
            VaultVerb.Build(output, error),
        };
        // No response files: '@' belongs to -e @vars.yaml, which System.CommandLine would otherwise replace by the
        // file's words (quotes stripped) before we ever see it.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"ERROR: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Try 'orchestrate --help'.").ConfigureAwait(false);
            return ExitCodes.BadOptions;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration, interrupt.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, error, verbosityWanted ? 3 : 0);
        }

        void Cancel(PosixSignalContext context)
        {
            // Keep the process alive: running tasks finish or are abandoned cleanly, then we exit 99.
            context.Cancel = true;
            interrupt.Cancel();
        }
    }

    private static async Task<int> Guard(Func<Task<int>> action, TextWriter error, int verbosity)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, error, verbosity);
        }
    }
}
