namespace Orchestrator.Modules.Apt;

/// <summary>apt_key's id: a full fingerprint. Short ids (8 or 16 hex digits) are refused: anyone can make a key that has them.</summary>
internal static class KeyFingerprint
{
    public static (string? Fingerprint, string? Error) Normalize(string id)
    {
        var hex = id.Replace(" ", "", StringComparison.Ordinal);
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length > 0 && hex.All(char.IsAsciiHexDigit))
        {
            if (hex.Length is 40 or 64)
            {
                return (hex.ToUpperInvariant(), null);
            }

            if (hex.Length is 8 or 16)
            {
                return (null, $"id '{id}' is a short key id ({hex.Length} hex digits): short ids are easy to forge and are refused; give the key's full 40-hex fingerprint");
            }
        }

        return (null, $"id '{id}' is not a key fingerprint: give the full 40-hex fingerprint (gpg --with-colons --fingerprint shows it)");
    }
}
