namespace Orchestrator.Modules.Apt;

/// <summary>OpenPGP packet framing: where a packet's body starts and how long it is.</summary>
internal static class OpenPgpPacket
{
    /// <summary>Old (RFC 4880 §4.2.1) and new (§4.2.2) packet headers; partial lengths never occur in keys.</summary>
    public static (int Tag, int BodyStart, int BodyLength, string? Error) Header(byte[] bytes, int position)
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
