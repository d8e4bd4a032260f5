using Orchestrator.Tests.Shared;

namespace Orchestrator.Vault.Tests.Support;

/// <summary>
/// Runs the built <c>orchestrate</c> as a process (<see cref="OrchestrateCommand"/>): the vault verb reads the
/// environment, the terminal and $EDITOR, which only a separate process isolates per test.
/// </summary>
internal static class Orchestrate
{
    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
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

        var words = OrchestrateCommand.Words();
        return ProcessRunner.RunAsync(words[0], [.. words.Skip(1), .. arguments], env);
    }

    public static Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(null, arguments);
}
