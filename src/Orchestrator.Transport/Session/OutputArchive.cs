using System.Text;

namespace Orchestrator.Transport.Session;

/// <summary>
/// Reads the tar stream in which the session sends a command's stdout and stderr (see <see cref="LoopScript"/>):
/// exactly two members written by GNU tar with 512-byte records, then the two zero blocks that end an archive.
/// Only what is needed is parsed: the ustar magic (to catch a desynchronised stream) and each member's size.
/// </summary>
internal static class OutputArchive
{
    private const int Block = 512;

    public static async Task<(byte[] Stdout, byte[] Stderr)> ReadAsync(FrameReader reader)
    {
        var stdout = await ReadMemberAsync(reader).ConfigureAwait(false);
        var stderr = await ReadMemberAsync(reader).ConfigureAwait(false);
        var end = await reader.ReadExactAsync(2 * Block, CancellationToken.None).ConfigureAwait(false);
        if (end.Any(b => b != 0))
        {
            throw new InvalidDataException("the output archive did not end where expected");
        }

        return (stdout, stderr);
    }

    /// <summary>A header's size field: octal digits, or GNU's base-256 form (high bit set) for huge members.</summary>
    internal static long ParseSize(ReadOnlySpan<byte> field)
    {
        long size = 0;
        if ((field[0] & 0x80) != 0)
        {
            size = field[0] & 0x7F;
            foreach (var b in field[1..])
            {
                size = checked((size << 8) | b);
            }

            return size;
        }

        foreach (var b in field)
        {
            if (b is (byte)' ' && size == 0)
            {
                continue;
            }

            if (b is 0 or (byte)' ')
            {
                break;
            }

            if (b is < (byte)'0' or > (byte)'7')
            {
                throw new InvalidDataException("malformed size in the output archive");
            }

            size = checked((size * 8) + (b - '0'));
        }

        return size;
    }

    private static async Task<byte[]> ReadMemberAsync(FrameReader reader)
    {
        var header = await reader.ReadExactAsync(Block, CancellationToken.None).ConfigureAwait(false);
        if (!header.AsSpan(257, 5).SequenceEqual("ustar"u8))
        {
            throw new InvalidDataException(
                "unexpected bytes instead of the output archive: " + Encoding.ASCII.GetString(header, 0, 40).Replace('\0', ' '));
        }

        var size = ParseSize(header.AsSpan(124, 12));
        if (size > Array.MaxLength)
        {
            throw new InvalidDataException($"a command's output of {size} bytes is too large to hold");
        }

        var content = await reader.ReadExactAsync(size, CancellationToken.None).ConfigureAwait(false);
        var padding = (Block - (size % Block)) % Block;
        if (padding > 0)
        {
            await reader.ReadExactAsync(padding, CancellationToken.None).ConfigureAwait(false);
        }

        return content;
    }
}
