using System.Security.Cryptography;

namespace Orchestrator.Vault;

/// <summary>
/// The keys of one vault payload: PBKDF2-HMAC-SHA256 over the password and salt, 10000 iterations,
/// 80 bytes split into the AES-256 key, the HMAC-SHA256 key and the CTR initial counter.
/// </summary>
internal sealed class VaultKeys
{
    public const int Iterations = 10000;
    public const int KeyLength = 32;
    public const int CounterLength = 16;

    private VaultKeys(byte[] cipherKey, byte[] hmacKey, byte[] initialCounter)
    {
        CipherKey = cipherKey;
        HmacKey = hmacKey;
        InitialCounter = initialCounter;
    }

    public byte[] CipherKey { get; }

    public byte[] HmacKey { get; }

    public byte[] InitialCounter { get; }

    public static VaultKeys Derive(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt)
    {
        var derived = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, (2 * KeyLength) + CounterLength);
        var keys = new VaultKeys(
            derived[..KeyLength],
            derived[KeyLength..(2 * KeyLength)],
            derived[(2 * KeyLength)..]);
        CryptographicOperations.ZeroMemory(derived);
        return keys;
    }
}
