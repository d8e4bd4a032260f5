using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Vault;

/// <summary>
/// What <c>orchestrate vault encrypt|decrypt|view|edit FILE</c> does to a file. The file is checked
/// before the password is asked for; encrypt and decrypt replace the file atomically, keeping its mode.
/// Errors are <see cref="UserErrorException"/>s: a missing file exits 5, data that is not (or already)
/// vault-encrypted or does not decrypt exits 4, a file that cannot be written exits 1.
/// </summary>
/// <param name="secretSource">Called at most once, after the file was found fit (it may prompt).</param>
public sealed class VaultFileActions(Func<VaultSecret> secretSource)
{
    private readonly VaultCipher cipher = new();
    private readonly Lazy<VaultSecret> secret = new(secretSource);

    public void Encrypt(string path)
    {
        var plaintext = ReadExisting(path);
        if (VaultCipher.IsVaultData(plaintext))
        {
            throw new UserErrorException(new SourceLocation(path, 1, 1), $"{path} is already vault-encrypted");
        }

        AtomicFile.Replace(path, System.Text.Encoding.ASCII.GetBytes(cipher.Encrypt(plaintext, secret.Value)));
    }

    public void Decrypt(string path) => AtomicFile.Replace(path, View(path));

    /// <summary>The decrypted content of a vault file.</summary>
    public byte[] View(string path) => DecryptFile(path, out _);

    /// <summary>
    /// Decrypts into a private temporary file, runs the editor on it, and re-encrypts (keeping the vault-id
    /// label) if the content changed. The temporary file is removed whatever happens.
    /// </summary>
    /// <param name="editor">A shell command line (like $EDITOR); the file name is appended as one argument.</param>
    /// <returns>True when the file was changed.</returns>
    public bool Edit(string path, string editor, CancellationToken cancellationToken = default)
    {
        var plaintext = DecryptFile(path, out var label);
        using var session = new VaultEditSession(path, plaintext);
        var edited = session.RunEditor(editor, cancellationToken);
        if (edited.AsSpan().SequenceEqual(plaintext))
        {
            return false;
        }

        AtomicFile.Replace(path, System.Text.Encoding.ASCII.GetBytes(cipher.Encrypt(edited, secret.Value, label)));
        return true;
    }

    private byte[] DecryptFile(string path, out string? label)
    {
        var data = ReadExisting(path);
        if (!VaultCipher.IsVaultData(data))
        {
            throw new UserErrorException(new SourceLocation(path, 0, 0), $"{path} is not vault-encrypted (it does not start with $ANSIBLE_VAULT)");
        }

        var text = System.Text.Encoding.ASCII.GetString(data);
        var location = new SourceLocation(path, 1, 1);
        try
        {
            label = VaultCipher.LabelOf(text);
            return cipher.Decrypt(text, secret.Value);
        }
        catch (VaultException ex)
        {
            throw new UserErrorException(location, ex.Kind == VaultErrorKind.Malformed ? $"invalid vault data: {ex.Message}" : ex.Message);
        }
    }

    private static byte[] ReadExisting(string path)
    {
        if (Directory.Exists(path) || !File.Exists(path))
        {
            throw new UserErrorException(new SourceLocation(path, 0, 0), $"no such file: {path}", ExitCodes.BadOptions);
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UserErrorException(new SourceLocation(path, 0, 0), $"cannot read {path}: {ex.Message}", ExitCodes.OtherError);
        }
    }
}
