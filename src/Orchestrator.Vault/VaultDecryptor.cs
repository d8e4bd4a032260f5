using System.Collections.Concurrent;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Vault;

/// <summary>
/// Decrypts the vault data of one run: each distinct ciphertext once (thread-safe cache keyed by the
/// ciphertext text), asks for the password only when the first vault data is met, and registers every
/// decrypted value with <c>registerSecret</c> (pass <c>SecretMasker.Register</c>) so it is masked in all output.
/// Failures are located <see cref="UserErrorException"/>s: undecryptable data exits 4, a missing password 5.
/// </summary>
public sealed class VaultDecryptor
{
    private readonly Lazy<VaultSecret> secret;
    private readonly Action<string> registerSecret;
    private readonly VaultCipher cipher = new();
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> decrypted = new(StringComparer.Ordinal);
    private int decryptions;

    /// <param name="secretSource">Called at most once, when the first vault data needs it (it may prompt).</param>
    public VaultDecryptor(Func<VaultSecret> secretSource, Action<string>? registerSecret = null)
    {
        ArgumentNullException.ThrowIfNull(secretSource);
        secret = new Lazy<VaultSecret>(secretSource, LazyThreadSafetyMode.ExecutionAndPublication);
        this.registerSecret = registerSecret ?? (_ => { });
    }

    public VaultDecryptor(VaultSecret secret, Action<string>? registerSecret = null)
        : this(() => secret, registerSecret)
    {
    }

    /// <summary>How many ciphertexts were actually decrypted (each distinct one once).</summary>
    public int DecryptionCount => Volatile.Read(ref decryptions);

    /// <summary>Decrypts vault text written at <paramref name="location"/>; the bytes are not registered as a secret.</summary>
    public byte[] Decrypt(string vaultText, SourceLocation location) => (byte[])Cached(vaultText, location, out _).Clone();

    /// <summary>An inline <c>!vault</c> value: UTF-8 text, registered as a secret.</summary>
    public VaultedValue DecryptValue(string vaultText, SourceLocation location)
    {
        if (!VaultCipher.IsVaultText(vaultText.TrimStart()))
        {
            throw new UserErrorException(location, $"a !vault value must hold vault-encrypted text starting with {VaultEnvelope.Marker}");
        }

        var text = AsText(Cached(vaultText.TrimStart(), location, out var first), location);
        if (first)
        {
            Register(SecretFragments.Of(text));
        }

        return new VaultedValue(text, location);
    }

    /// <summary>
    /// The text of a YAML file that may be vault-encrypted as a whole: decrypted when it is (its string
    /// values are registered as secrets), returned unchanged when it is not.
    /// </summary>
    public string DecryptFileText(string text, string displayPath)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!VaultCipher.IsVaultText(text))
        {
            return text;
        }

        var location = new SourceLocation(displayPath, 1, 1);
        var plaintext = AsText(Cached(text, location, out var first), location);
        if (first)
        {
            try
            {
                Register(YamlLoader.Parse(plaintext, displayPath).SelectMany(SecretFragments.OfTree));
            }
            catch (UserErrorException)
            {
                // Not YAML after all: the caller that parses it reports that; mask the content whole.
                Register(SecretFragments.Of(plaintext));
            }
        }

        return plaintext;
    }

    /// <summary><see cref="YamlLoader.LoadFile"/> for files that may be vault-encrypted as a whole.</summary>
    public IReadOnlyList<YNode> LoadYamlFile(string path, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(new SourceLocation(shown, 0, 0), $"cannot read {shown}: {ex.Message}");
        }

        return YamlLoader.Parse(DecryptFileText(text, shown), shown);
    }

    /// <summary><see cref="YamlLoader.LoadSingle"/> for files that may be vault-encrypted as a whole.</summary>
    public YNode? LoadYamlSingle(string path, string? displayPath = null)
    {
        var documents = LoadYamlFile(path, displayPath);
        return documents.Count == 0 ? null : documents[0];
    }

    private byte[] Cached(string vaultText, SourceLocation location, out bool first)
    {
        var mine = new Lazy<byte[]>(() => DecryptOnce(vaultText), LazyThreadSafetyMode.ExecutionAndPublication);
        var entry = decrypted.GetOrAdd(VaultEnvelope.Normalize(vaultText), mine);
        first = ReferenceEquals(entry, mine);
        try
        {
            return entry.Value;
        }
        catch (VaultException ex)
        {
            throw new UserErrorException(location, ex.Kind == VaultErrorKind.Malformed ? $"invalid vault data: {ex.Message}" : ex.Message);
        }
        catch (UserErrorException ex) when (ex.Diagnostics.All(d => d.Location != location))
        {
            // No password: say where vault data needed one, then why there is none.
            throw new UserErrorException([new Diagnostic(location, "this vault-encrypted data needs a vault password"), .. ex.Diagnostics], ex.ExitCode);
        }
    }

    private byte[] DecryptOnce(string vaultText)
    {
        // Check the envelope before asking for a password: malformed data is reported without a prompt.
        _ = VaultPayload.Parse(VaultEnvelope.Parse(vaultText.Replace("\r", "", StringComparison.Ordinal)).PayloadHex);
        Interlocked.Increment(ref decryptions);
        return cipher.Decrypt(vaultText, secret.Value);
    }

    private static string AsText(byte[] bytes, SourceLocation location)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new UserErrorException(location, "the decrypted vault data is not UTF-8 text", ExitCodes.InvalidInput);
        }
    }

    private void Register(IEnumerable<string> fragments)
    {
        foreach (var fragment in fragments)
        {
            registerSecret(fragment);
        }
    }
}
