using System.Text;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Reads OpenPGP public keys, ASCII-armored or binary, on the controller: enough of the packet format to split a
/// keyring into keys, compute each key's fingerprint and write a binary keyring (what gpg --dearmor gives), so
/// apt_key needs no gpg on the host and checks fingerprints where the playbook is, not where the download landed.
/// </summary>
internal static class OpenPgpKeyring
{
    private const int PublicKeyTag = 6;
    private const int UserIdTag = 13;
    private const int TrustTag = 12;
    private const string ArmorBegin = "-----BEGIN PGP PUBLIC KEY BLOCK-----";

    /// <returns>The keys, or an error saying why the data is not a public key (an HTML error page, a truncated download...).</returns>
    public static (IReadOnlyList<OpenPgpKey> Keys, string? Error) Read(byte[] data)
    {
        var text = Encoding.ASCII.GetString(data);
        var binary = new List<byte[]>();
        if (text.Contains(ArmorBegin, StringComparison.Ordinal))
        {
            foreach (var block in ArmoredBlocks(text))
            {
                if (block is null)
                {
                    return ([], "the ASCII armor is damaged (not base64)");
                }

                binary.Add(block);
            }
        }
        else
        {
            binary.Add(data);
        }

        var keys = new List<OpenPgpKey>();
        foreach (var bytes in binary)
        {
            var error = ReadPackets(bytes, keys);
            if (error is not null)
            {
                return ([], error);
            }
        }

        return keys.Count == 0 ? ([], "no OpenPGP public key in it") : (keys, null);
    }

    public static byte[] Write(IEnumerable<OpenPgpKey> keys) => keys.SelectMany(k => k.Packets).ToArray();

    private static IEnumerable<byte[]?> ArmoredBlocks(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Trim() != ArmorBegin)
            {
                continue;
            }

            // Armor headers ("Version: ...") end at the first blank line; the data ends at the checksum or the END line.
            index++;
            while (index < lines.Length && lines[index].Trim().Length > 0 && lines[index].Contains(':', StringComparison.Ordinal))
            {
                index++;
            }

            var base64 = new StringBuilder();
            for (; index < lines.Length && !lines[index].StartsWith("-----END", StringComparison.Ordinal); index++)
            {
                var line = lines[index].Trim();
                if (!line.StartsWith('='))
                {
                    base64.Append(line);
                }
            }

            byte[]? block;
            try
            {
                block = Convert.FromBase64String(base64.ToString());
            }
            catch (FormatException)
            {
                block = null;
            }

            yield return block;
        }
    }

    private static string? ReadPackets(byte[] bytes, List<OpenPgpKey> keys)
    {
        var position = 0;
        string? fingerprint = null;
        string? userId = null;
        var packets = new List<byte>();

        void Flush()
        {
            if (fingerprint is not null)
            {
                keys.Add(new OpenPgpKey(fingerprint, userId, packets.ToArray()));
            }
        }

        while (position < bytes.Length)
        {
            var (tag, bodyStart, bodyLength, error) = OpenPgpPacket.Header(bytes, position);
            if (error is not null)
            {
                return error;
            }

            var end = bodyStart + bodyLength;
            var body = bytes.AsSpan(bodyStart, bodyLength);
            if (tag == PublicKeyTag)
            {
                Flush();
                fingerprint = OpenPgpKey.FingerprintOf(body);
                if (fingerprint is null)
                {
                    return $"a public key of unsupported version {(body.Length > 0 ? body[0] : 0)}";
                }

                (userId, packets) = (null, []);
            }
            else if (fingerprint is null)
            {
                return "it does not start with a public key";
            }
            else if (tag == UserIdTag)
            {
                userId ??= OpenPgpKey.UserIdOf(body);
            }

            // Trust packets are local to one keyring; gpg --export leaves them out too.
            if (tag != TrustTag)
            {
                packets.AddRange(bytes.AsSpan(position, end - position));
            }

            position = end;
        }

        Flush();
        return null;
    }
}
