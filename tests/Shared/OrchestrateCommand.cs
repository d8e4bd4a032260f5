namespace Orchestrator.Tests.Shared;

/// <summary>
/// How a test starts the <c>orchestrate</c> program. CI names the shipped executable (the native build in
/// bin/Release/net10.0) in <c>ORCHESTRATE_PROGRAM</c>, so what ships is what the tests run; without it, the
/// framework-dependent build copied beside the tests runs under <c>dotnet</c>, as it does from an IDE.
/// </summary>
internal static class OrchestrateCommand
{
    public const string ProgramVariable = "ORCHESTRATE_PROGRAM";

    /// <summary>The shipped executable CI asked for, or null to run the build beside the tests.</summary>
    public static string? ShippedProgram
    {
        get
        {
            var program = Environment.GetEnvironmentVariable(ProgramVariable);
            if (string.IsNullOrEmpty(program))
            {
                return null;
            }

            return File.Exists(program)
                ? Path.GetFullPath(program)
                : throw new InvalidOperationException($"{ProgramVariable}={program}: no such file (build with -c Release first)");
        }
    }

    /// <summary>The program and its first words, to which the test adds orchestrate's own arguments.</summary>
    public static IReadOnlyList<string> Words()
    {
        if (ShippedProgram is { } program)
        {
            return [program];
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "orchestrate.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: the Cli build output should be copied next to the tests");
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return [dotnet, dll];
    }
}
