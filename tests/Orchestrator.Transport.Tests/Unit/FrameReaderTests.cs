using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class FrameReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(100_000)]
    public async Task Lines_and_exact_counts_come_back_whatever_the_chunking(int chunk)
    {
        byte[] payload = [0, (byte)'\n', 0xFF, 0xFE, (byte)'\n'];
        byte[] data = [.. "first line\nsecond\n"u8.ToArray(), .. payload, .. "\nlast"u8.ToArray()];
        var reader = new FrameReader(new TrickleStream(data, chunk));

        Assert.Equal("first line"u8.ToArray(), await reader.ReadLineAsync(100, CancellationToken.None));
        Assert.Equal("second"u8.ToArray(), await reader.ReadLineAsync(100, CancellationToken.None));
        Assert.Equal(payload, await reader.ReadExactAsync(payload.Length, CancellationToken.None));
        Assert.Equal(Array.Empty<byte>(), await reader.ReadLineAsync(100, CancellationToken.None));
        Assert.Equal("last"u8.ToArray(), await reader.ReadExactAsync(4, CancellationToken.None));
        Assert.Equal(Array.Empty<byte>(), await reader.ReadExactAsync(0, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_exact_read_spans_many_buffers()
    {
        var data = new byte[1_000_003];
        Random.Shared.NextBytes(data);
        var reader = new FrameReader(new TrickleStream([.. "h\n"u8.ToArray(), .. data], 70_000));
        Assert.Equal("h"u8.ToArray(), await reader.ReadLineAsync(10, CancellationToken.None));
        Assert.Equal(data, await reader.ReadExactAsync(data.Length, CancellationToken.None));
    }

    [Fact]
    public async Task The_end_of_the_stream_is_an_error_not_a_short_answer()
    {
        var reader = new FrameReader(new TrickleStream("abc"u8.ToArray(), 2));
        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadExactAsync(4, CancellationToken.None));
        await Assert.ThrowsAsync<EndOfStreamException>(() => new FrameReader(new TrickleStream("no newline"u8.ToArray(), 4)).ReadLineAsync(100, CancellationToken.None));
    }

    [Fact]
    public async Task An_overlong_line_is_refused()
    {
        var reader = new FrameReader(new TrickleStream([.. new byte[300], (byte)'\n'], 7));
        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadLineAsync(256, CancellationToken.None));
    }
}
