using Orchestrator.Transport.Session;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>The parser against archives made by the real GNU tar, with the loop's options.</summary>
public sealed class OutputArchiveTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("orch-tar-").FullName;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(511, 512)]
    [InlineData(512, 513)]
    [InlineData(100_000, 3)]
    public async Task Stdout_and_stderr_come_out_of_a_gnu_tar_stream_exactly(int stdoutLength, int stderrLength)
    {
        var stdout = new byte[stdoutLength];
        var stderr = new byte[stderrLength];
        Random.Shared.NextBytes(stdout);
        Random.Shared.NextBytes(stderr);
        File.WriteAllBytes(Path.Combine(directory, "o7"), stdout);
        File.WriteAllBytes(Path.Combine(directory, "e7"), stderr);
        var archive = Path.Combine(directory, "archive.tar");
        HostCommand.Run("/bin/sh", ["-c", $"tar -c -b 1 --numeric-owner -f - -C {directory} o7 e7 >{archive}; printf trailing >>{archive}"]);

        var reader = new FrameReader(new TrickleStream(File.ReadAllBytes(archive), 1000));
        var (readStdout, readStderr) = await OutputArchive.ReadAsync(reader);
        Assert.Equal(stdout, readStdout);
        Assert.Equal(stderr, readStderr);

        // The reader stops exactly at the end of the archive.
        Assert.Equal("trailing"u8.ToArray(), await reader.ReadExactAsync(8, CancellationToken.None));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_archive_are_refused()
    {
        var reader = new FrameReader(new TrickleStream(new byte[2048], 512));
        await Assert.ThrowsAsync<InvalidDataException>(() => OutputArchive.ReadAsync(reader));
    }

    [Fact]
    public void Sizes_are_read_in_octal_and_in_base_256()
    {
        Assert.Equal(0, OutputArchive.ParseSize("00000000000\0"u8));
        Assert.Equal(512, OutputArchive.ParseSize("00000001000\0"u8));
        Assert.Equal(8, OutputArchive.ParseSize("     10 \0\0\0\0"u8));
        byte[] big = [0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0];
        Assert.Equal(0x020000, OutputArchive.ParseSize(big));
        Assert.Throws<InvalidDataException>(() => OutputArchive.ParseSize("0000000009\0\0"u8));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
