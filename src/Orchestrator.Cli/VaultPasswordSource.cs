using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Vault;

namespace Orchestrator.Cli;

/// <summary>
/// Where the vault password comes from, first match wins: <c>--vault-password-file FILE</c>; the
/// <c>ORCHESTRATE_VAULT_PASSWORD_FILE</c> environment variable (a file name); a prompt without echo when
/// stdin is a terminal; otherwise no password, which is a command-line problem (exit 5).
/// Nothing is read or asked until <see cref="Get"/> is called, so runs without vault data never need one.
/// </summary>
internal sealed class VaultPasswordSource(string? passwordFile, TextWriter prompts)
{
    public const string EnvironmentVariable = "ORCHESTRATE_VAULT_PASSWORD_FILE";

    /// <param name="confirmNew">When prompting, ask twice (a new password for encrypt).</param>
    public VaultSecret Get(bool confirmNew = false)
    {
        if (!string.IsNullOrEmpty(passwordFile))
        {
            return VaultPasswordFile.Read(passwordFile);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            return VaultPasswordFile.Read(fromEnvironment);
        }

        if (!Console.IsInputRedirected)
        {
            return confirmNew ? AskNew() : VaultPasswordPrompt.Ask("Vault password: ", prompts);
        }

        throw new UserErrorException(
            SourceLocation.None,
            $"no vault password: give --vault-password-file FILE, set {EnvironmentVariable}, or run on a terminal to be asked",
            ExitCodes.BadOptions);
    }

    private VaultSecret AskNew()
    {
        var first = VaultPasswordPrompt.Ask("New vault password: ", prompts);
        var second = VaultPasswordPrompt.Ask("Confirm new vault password: ", prompts);
        if (!first.SameAs(second))
        {
            throw new UserErrorException(SourceLocation.None, "the passwords do not match", ExitCodes.BadOptions);
        }

        return first;
    }
}
