using System.Security.Cryptography;
using System.Text;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// One transferable public key (RFC 4880 §11.1, RFC 9580 §10.1): the primary key packet and the packets that
/// follow it (user ids, signatures, subkeys) up to the next primary key, kept as the raw bytes they came in.
/// </summary>
internal sealed record OpenPgpKey(string Fingerprint, string? UserId, byte[] Packets)
{
    public override string ToString() => UserId is null ? Fingerprint : $"{Fingerprint} {UserId}";

    /// <summary>The fingerprint of a public-key packet body: v4 SHA-1 over 0x99 and a 2-byte length, v5/v6 SHA-256 over 0x9A/0x9B and a 4-byte length.</summary>
    public static string? FingerprintOf(ReadOnlySpan<byte> body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        var length = body.Length;
        return body[0] switch
        {
            4 => Convert.ToHexString(SHA1.HashData([0x99, (byte)(length >> 8), (byte)length, .. body])),
            5 => Convert.ToHexString(SHA256.HashData([0x9A, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. body])),
            6 => Convert.ToHexString(SHA256.HashData([0x9B, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, .. body])),
            _ => null,
        };
    }

    public static string? UserIdOf(ReadOnlySpan<byte> body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
