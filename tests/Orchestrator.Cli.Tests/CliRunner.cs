namespace Orchestrator.Cli.Tests;

/// <summary>Runs the `orchestrate` command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}
