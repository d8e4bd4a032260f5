using System.Text;

namespace Orchestrator.Vault;

/// <summary>
/// The payload under the envelope: hexlify(hex(salt) + "\n" + hex(hmac) + "\n" + hex(ciphertext)).
/// (The outer hexlify is redundant, but it is the format.)
/// </summary>
internal sealed record VaultPayload(byte[] Salt, byte[] Hmac, byte[] Ciphertext)
{
    public static VaultPayload Parse(string payloadHex)
    {
        var inner = Encoding.ASCII.GetString(FromHex(payloadHex, "payload"));
        var parts = inner.Split('\n', 3);
        if (parts.Length != 3)
        {
            throw new VaultException(VaultErrorKind.Malformed, "vault payload does not hold salt, HMAC and ciphertext");
        }

        return new VaultPayload(FromHex(parts[0], "salt"), FromHex(parts[1], "HMAC"), FromHex(parts[2], "ciphertext"));
    }

    public string ToHex()
    {
        var inner = $"{Convert.ToHexStringLower(Salt)}\n{Convert.ToHexStringLower(Hmac)}\n{Convert.ToHexStringLower(Ciphertext)}";
        return Convert.ToHexStringLower(Encoding.ASCII.GetBytes(inner));
    }

    private static byte[] FromHex(string hex, string part)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new VaultException(VaultErrorKind.Malformed, $"vault {part} is not hexadecimal text");
        }
    }
}
