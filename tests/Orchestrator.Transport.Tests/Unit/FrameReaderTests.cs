using System.Text;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class FrameReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task Output_up_to_a_marker_is_read_whole_whatever_the_chunks_and_the_rest_stays(int chunk)
    {
        var reader = new FrameReader(new ChunkedStream(Encoding.ASCII.GetBytes("a\nMAR\nMARK b\n\nMARK 0 1\nnext\n"), chunk));

        var before = await reader.ReadUntilAsync("\nMARK "u8.ToArray(), 1000, CancellationToken.None);
        var line = await reader.ReadLineAsync(100, CancellationToken.None);
        var after = await reader.ReadUntilAsync("\nMARK "u8.ToArray(), 1000, CancellationToken.None);

        Assert.Equal("a\nMAR", Encoding.ASCII.GetString(before));
        Assert.Equal("b", Encoding.ASCII.GetString(line));
        Assert.Empty(after);
        Assert.Equal("0 1", Encoding.ASCII.GetString(await reader.ReadLineAsync(100, CancellationToken.None)));
        Assert.Equal("next", Encoding.ASCII.GetString(await reader.ReadLineAsync(100, CancellationToken.None)));
    }

    [Fact]
    public async Task A_marker_that_never_comes_is_an_error_not_a_hang()
    {
        var ended = new FrameReader(new MemoryStream("no marker here"u8.ToArray()));
        var endless = new FrameReader(new ChunkedStream(new byte[5000], 100));

        await Assert.ThrowsAsync<EndOfStreamException>(() => ended.ReadUntilAsync("\nM "u8.ToArray(), 1000, CancellationToken.None));
        await Assert.ThrowsAsync<EndOfStreamException>(() => endless.ReadUntilAsync("\nM "u8.ToArray(), 1000, CancellationToken.None));
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
