namespace Orchestrator.Vault;

/// <summary>
/// Vault text that cannot be decrypted. Carries no location: callers that know where the text came from
/// turn it into a located <see cref="Orchestrator.Core.Diagnostics.UserErrorException"/>.
/// </summary>
public sealed class VaultException(VaultErrorKind kind, string message) : Exception(message)
{
    public VaultErrorKind Kind { get; } = kind;
}
