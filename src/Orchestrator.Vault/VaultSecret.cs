using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Vault;

/// <summary>A vault password. Its text never leaves through <see cref="ToString"/>.</summary>
public sealed class VaultSecret
{
    private readonly byte[] password;

    private VaultSecret(byte[] password)
    {
        if (password.Length == 0)
        {
            throw new ArgumentException("a vault password cannot be empty", nameof(password));
        }

        this.password = password;
    }

    internal ReadOnlySpan<byte> Bytes => password;

    /// <summary>A password as text (UTF-8 encoded, as Ansible encodes it).</summary>
    public static VaultSecret FromText(string password) => new(Encoding.UTF8.GetBytes(password));

    /// <summary>A password as the raw bytes of a password file or script.</summary>
    public static VaultSecret FromBytes(ReadOnlySpan<byte> password) => new(password.ToArray());

    /// <summary>True when both hold the same password (compared in constant time).</summary>
    public bool SameAs(VaultSecret other) => CryptographicOperations.FixedTimeEquals(password, other.password);

    public override string ToString() => "VaultSecret(********)";
}
