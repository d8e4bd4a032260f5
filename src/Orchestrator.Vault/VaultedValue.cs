using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Secrets;

namespace Orchestrator.Vault;

/// <summary>
/// A decrypted inline <c>!vault</c> value. It prints as <c>********</c> wherever it is formatted, so it
/// cannot leak through a ToString; only <see cref="Reveal"/> gives the plaintext.
/// </summary>
public sealed class VaultedValue
{
    private readonly string plaintext;

    public VaultedValue(string plaintext, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        this.plaintext = plaintext;
        Location = location;
    }

    /// <summary>Where the encrypted value was written.</summary>
    public SourceLocation Location { get; }

    public string Reveal() => plaintext;

    public override string ToString() => SecretMasker.Mask;
}
