namespace Orchestrator.Vault.Tests.Support;

/// <summary>
/// Runs the built <c>orchestrate</c> (copied beside the tests) as a process: the vault verb reads the
/// environment, the terminal and $EDITOR, which only a separate process isolates per test.
/// </summary>
internal static class Orchestrate
{
    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var dll = Path.Combine(AppContext.BaseDirectory, "orchestrate.dll");
        var env = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ORCHESTRATE_VAULT_PASSWORD_FILE"] = null,
            ["EDITOR"] = null,
            ["NO_COLOR"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return ProcessRunner.RunAsync(dotnet, [dll, .. arguments], env);
    }

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(null, arguments);
}
