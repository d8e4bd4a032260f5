namespace Orchestrator.Transport.Session;

/// <summary>
/// Buffered reads of lines and exact byte counts from the session's stdout. A plain StreamReader would decode
/// text and lose bytes; this keeps everything as bytes and never returns more than was asked for.
/// </summary>
internal sealed class FrameReader(Stream stream)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    /// <summary>Reads up to (not including) the next '\n'.</summary>
    /// <exception cref="EndOfStreamException">The stream ended, or the line is longer than <paramref name="maxLength"/>.</exception>
    public async Task<byte[]> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("the session closed its output");
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            var take = (newline < 0 ? end : newline) - start;
            if (line.Length + take > maxLength)
            {
                throw new EndOfStreamException($"a protocol line was longer than {maxLength} bytes");
            }

            line.Write(buffer, start, take);
            start += take;
            if (newline >= 0)
            {
                start++;
                return line.ToArray();
            }
        }
    }

    /// <summary>Reads up to (not including) the next occurrence of <paramref name="delimiter"/>, and consumes the delimiter.</summary>
    /// <exception cref="EndOfStreamException">The stream ended first, or more than <paramref name="maxLength"/> bytes came before it.</exception>
    public async Task<byte[]> ReadUntilAsync(byte[] delimiter, long maxLength, CancellationToken cancellationToken)
    {
        using var data = new MemoryStream();
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new EndOfStreamException("the session closed its output");
            }

            // Everything before this chunk was searched already, except a delimiter that starts there and ends here.
            var chunkStart = data.Length;
            var searchFrom = (int)Math.Max(0, chunkStart - delimiter.Length + 1);
            data.Write(buffer, start, end - start);
            var found = data.GetBuffer().AsSpan(searchFrom, (int)data.Length - searchFrom).IndexOf(delimiter);
            if (found >= 0)
            {
                var at = searchFrom + found;

                // The bytes after the delimiter belong to what comes next: they stay in the buffer.
                start += (int)(at + delimiter.Length - chunkStart);
                return data.GetBuffer()[..at];
            }

            start = end;
            if (data.Length > maxLength)
            {
                throw new EndOfStreamException($"no end marker within {maxLength} bytes of output");
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    /// <exception cref="EndOfStreamException">The stream ended first.</exception>
    public async Task<byte[]> ReadExactAsync(long count, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var filled = (int)Math.Min(count, end - start);
        Array.Copy(buffer, start, result, 0, filled);
        start += filled;
        while (filled < result.Length)
        {
            // Large payloads go straight into the result instead of through the buffer.
            var read = await stream.ReadAsync(result.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException($"the session closed its output after {filled} of {count} bytes");
            }

            filled += read;
        }

        return result;
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return end > 0;
    }
}
