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
            var (tag, bodyStart, bodyLength, error) = Header(bytes, position);
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

    /// <summary>Old (RFC 4880 §4.2.1) and new (§4.2.2) packet headers; partial lengths never occur in keys.</summary>
    private static (int Tag, int BodyStart, int BodyLength, string? Error) Header(byte[] bytes, int position)
    {
        const string truncated = "it is truncated or not OpenPGP data";
        var first = bytes[position];
        if ((first & 0x80) == 0)
        {
            return (0, 0, 0, truncated);
        }

        long length;
        int start;
        int tag;
        if ((first & 0x40) != 0)
        {
            tag = first & 0x3F;
            if (position + 1 >= bytes.Length)
            {
                return (0, 0, 0, truncated);
            }

            var octet = bytes[position + 1];
            if (octet < 192)
            {
                (length, start) = (octet, position + 2);
            }
            else if (octet < 224)
            {
                if (position + 2 >= bytes.Length)
                {
                    return (0, 0, 0, truncated);
                }

                (length, start) = (((octet - 192) << 8) + bytes[position + 2] + 192, position + 3);
            }
            else if (octet == 255)
            {
                if (position + 5 >= bytes.Length)
                {
                    return (0, 0, 0, truncated);
                }

                (length, start) = (((long)bytes[position + 2] << 24) | ((long)bytes[position + 3] << 16) | ((long)bytes[position + 4] << 8) | bytes[position + 5], position + 6);
            }
            else
            {
                return (0, 0, 0, "a partial-length packet, which keys never have");
            }
        }
        else
        {
            tag = (first >> 2) & 0x0F;
            var size = (first & 3) switch { 0 => 1, 1 => 2, 2 => 4, _ => 0 };
            if (size == 0)
            {
                (length, start) = (bytes.Length - position - 1, position + 1);
            }
            else
            {
                if (position + size >= bytes.Length)
                {
                    return (0, 0, 0, truncated);
                }

                length = 0;
                for (var index = 1; index <= size; index++)
                {
                    length = (length << 8) | bytes[position + index];
                }

                start = position + 1 + size;
            }
        }

        return start + length > bytes.Length ? (0, 0, 0, truncated) : (tag, start, (int)length, null);
    }
}
