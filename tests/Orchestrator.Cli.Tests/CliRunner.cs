using Orchestrator.Tests.Shared;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// Runs the <c>orchestrate</c> command and captures what it prints: in-process, or as the shipped executable when
/// CI names it (<see cref="OrchestrateCommand"/>), so the scenarios also cover the native build.
/// </summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        if (OrchestrateCommand.ShippedProgram is { } program)
        {
            var run = await ProcessRunner.RunAsync(program, args);
            return new CliResult(run.ExitCode, run.Output, run.StandardError);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
