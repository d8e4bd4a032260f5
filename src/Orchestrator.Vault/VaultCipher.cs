using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Vault;

/// <summary>
/// Ansible Vault's AES256 format (1.1, and 1.2 with a vault-id label): PBKDF2-HMAC-SHA256 (10000 iterations,
/// 32-byte random salt) derives an AES-256 key, an HMAC-SHA256 key and a CTR counter; the PKCS#7-padded
/// plaintext is encrypted with AES-CTR and authenticated with HMAC-SHA256 over the ciphertext.
/// Files written here open with <c>ansible-vault</c> and the other way round.
/// </summary>
public sealed class VaultCipher
{
    public const string WrongPasswordMessage =
        "Decryption failed (no vault secrets would decrypt): wrong vault password, or the vault data was changed";

    private const int SaltLength = 32;

    private readonly Func<int, byte[]> saltSource;

    public VaultCipher()
        : this(RandomNumberGenerator.GetBytes)
    {
    }

    /// <summary>For known-answer tests: a fixed salt makes the output reproducible.</summary>
    internal VaultCipher(Func<int, byte[]> saltSource)
    {
        this.saltSource = saltSource;
    }

    /// <summary>True when the text starts with the vault header, as Ansible tests it.</summary>
    public static bool IsVaultText(string? text) => text is not null && text.StartsWith(VaultEnvelope.Marker, StringComparison.Ordinal);

    /// <summary>True when the bytes start with the vault header (a whole file read as bytes).</summary>
    public static bool IsVaultData(ReadOnlySpan<byte> data) => data.StartsWith("$ANSIBLE_VAULT"u8);

    /// <summary>The vault-id label of format 1.2 text, or null (1.1, or not vault text).</summary>
    public static string? LabelOf(string vaultText)
    {
        try
        {
            return VaultEnvelope.Parse(vaultText).Label;
        }
        catch (VaultException)
        {
            return null;
        }
    }

    public string Encrypt(byte[] plaintext, string password, string? label = null) =>
        Encrypt(plaintext, VaultSecret.FromText(password), label);

    /// <returns>Vault text: the header line, then the payload in 80-column lines, each ending in a newline.</returns>
    public string Encrypt(ReadOnlySpan<byte> plaintext, VaultSecret secret, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        VaultEnvelope.CheckLabel(label);
        var salt = saltSource(SaltLength);
        var keys = VaultKeys.Derive(secret.Bytes, salt);
        var padded = Pkcs7.Pad(plaintext);
        var ciphertext = AesCtr.Transform(keys.CipherKey, keys.InitialCounter, padded);
        CryptographicOperations.ZeroMemory(padded);
        var hmac = HMACSHA256.HashData(keys.HmacKey, ciphertext);
        var payload = new VaultPayload(salt, hmac, ciphertext);
        return VaultEnvelope.Create(label, payload.ToHex()).Format();
    }

    public byte[] Decrypt(string vaultText, string password) => Decrypt(vaultText, VaultSecret.FromText(password));

    /// <exception cref="VaultException">Not vault text, an unsupported format, or a wrong password (HMAC mismatch).</exception>
    public byte[] Decrypt(string vaultText, VaultSecret secret)
    {
        ArgumentNullException.ThrowIfNull(vaultText);
        ArgumentNullException.ThrowIfNull(secret);
        var envelope = VaultEnvelope.Parse(vaultText.Replace("\r", "", StringComparison.Ordinal));
        var payload = VaultPayload.Parse(envelope.PayloadHex);
        var keys = VaultKeys.Derive(secret.Bytes, payload.Salt);

        // Authenticate before decrypting: a wrong password must be an error, never garbage plaintext.
        var expected = HMACSHA256.HashData(keys.HmacKey, payload.Ciphertext);
        if (!CryptographicOperations.FixedTimeEquals(expected, payload.Hmac))
        {
            throw new VaultException(VaultErrorKind.WrongPassword, WrongPasswordMessage);
        }

        var padded = AesCtr.Transform(keys.CipherKey, keys.InitialCounter, payload.Ciphertext);
        var plaintext = Pkcs7.Unpad(padded);
        CryptographicOperations.ZeroMemory(padded);
        return plaintext;
    }

    /// <summary>Decrypts to text; vault values and vars files are UTF-8.</summary>
    public string DecryptText(string vaultText, VaultSecret secret)
    {
        var bytes = Decrypt(vaultText, secret);
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new VaultException(VaultErrorKind.Malformed, "the decrypted vault data is not UTF-8 text");
        }
    }
}
