using System.Text;

namespace Orchestrator.Vault;

/// <summary>
/// The text form of vault data: a header line <c>$ANSIBLE_VAULT;1.1;AES256</c> (or
/// <c>$ANSIBLE_VAULT;1.2;AES256;LABEL</c>), then the hexlified payload wrapped at 80 columns, newline-terminated.
/// </summary>
internal sealed record VaultEnvelope(string Version, string CipherName, string? Label, string PayloadHex)
{
    public const string Marker = "$ANSIBLE_VAULT";
    public const string Cipher = "AES256";
    public const int LineWidth = 80;

    public static VaultEnvelope Parse(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            throw new VaultException(VaultErrorKind.Malformed, $"not vault data: it does not start with {Marker}");
        }

        var lines = text.Split('\n');
        var header = lines[0].Trim().Split(';').Select(p => p.Trim()).ToArray();
        if (header.Length < 3 || header[0] != Marker)
        {
            throw new VaultException(VaultErrorKind.Malformed, $"invalid vault header '{lines[0].Trim()}': expected {Marker};1.1;{Cipher}");
        }

        var (version, cipher) = (header[1], header[2]);
        if (version is not ("1.1" or "1.2"))
        {
            throw new VaultException(VaultErrorKind.Unsupported, $"vault format version {version} is not supported (1.1 and 1.2 are)");
        }

        if (cipher != Cipher)
        {
            throw new VaultException(VaultErrorKind.Unsupported, $"vault cipher {cipher} is not supported (only {Cipher} is)");
        }

        var payload = new StringBuilder();
        foreach (var line in lines.Skip(1))
        {
            payload.Append(line.Trim());
        }

        if (payload.Length == 0)
        {
            throw new VaultException(VaultErrorKind.Malformed, "vault data has a header but no payload");
        }

        var label = header.Length > 3 && header[3].Length > 0 ? header[3] : null;
        return new VaultEnvelope(version, cipher, label, payload.ToString());
    }

    /// <summary>Format 1.1 without a label; 1.2 carries one (Ansible's "default" vault id counts as none).</summary>
    public static VaultEnvelope Create(string? label, string payloadHex)
    {
        var labelled = !string.IsNullOrEmpty(label) && label != "default";
        return new VaultEnvelope(labelled ? "1.2" : "1.1", Cipher, labelled ? label : null, payloadHex);
    }

    /// <summary>A canonical form of vault text: the same ciphertext indented or wrapped differently is one key.</summary>
    public static string Normalize(string text) =>
        string.Join('\n', text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    public static void CheckLabel(string? label)
    {
        if (label is not null && (label.Length == 0 || label.Any(c => c == ';' || char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            throw new ArgumentException($"invalid vault label '{label}': it must be non-empty, without ';', spaces or control characters", nameof(label));
        }
    }

    public string Format()
    {
        var text = new StringBuilder();
        text.Append(Marker).Append(';').Append(Version).Append(';').Append(CipherName);
        if (Version == "1.2" && Label is not null)
        {
            text.Append(';').Append(Label);
        }

        text.Append('\n');
        for (var i = 0; i < PayloadHex.Length; i += LineWidth)
        {
            text.Append(PayloadHex, i, Math.Min(LineWidth, PayloadHex.Length - i)).Append('\n');
        }

        return text.ToString();
    }
}
