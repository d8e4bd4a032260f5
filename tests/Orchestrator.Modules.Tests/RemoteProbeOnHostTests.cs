using System.Security.Cryptography;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;

namespace Orchestrator.Modules.Tests;

/// <summary>The probe's shared stat and checksum batches against this machine's shell and GNU tools.</summary>
public sealed class RemoteProbeOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    // Over the test shell (stat and sha1sum programs) and over the product's LocalTransport, whose session helper
    // answers the stat batches where this machine has Perl.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Many_paths_of_every_kind_come_back_in_order_each_with_its_own_answer(bool productTransport)
    {
        var small = temp["small"];
        File.WriteAllText(small, "a");
        var odd = temp["name with 'quote'\nand newline \\ backslash"];
        File.WriteAllText(odd, "bb");
        var link = temp["link"];
        File.CreateSymbolicLink(link, small);
        var dangling = temp["dangling"];
        File.CreateSymbolicLink(dangling, temp["nowhere"]);

        var probe = new RemoteProbe();
        var indexes = new[]
        {
            probe.AddFile(small, checksumAlgorithm: "sha1"),
            probe.AddFile(temp["missing"], follow: true, checksumAlgorithm: "sha1"),
            probe.AddShell("echo between"),
            probe.AddFile(odd, follow: true, checksumAlgorithm: "sha1"),
            probe.AddFile(link),
            probe.AddFile(link, follow: true, checksumAlgorithm: "sha1"),
            probe.AddFile(dangling),
            probe.AddFile(dangling, follow: true),
            probe.AddFile(temp.Path, follow: true, checksumAlgorithm: "sha1"),
            probe.AddFile(small, checksumAlgorithm: "md5"),
        };

        var answers = await RunAsync(probe, productTransport);

        Assert.Null(answers.Error);
        Assert.Equal(Sha1("a"), answers.File(indexes[0], small).Checksum);
        Assert.False(answers.File(indexes[1], temp["missing"]).Exists);
        Assert.Equal("between\n", answers.Text(indexes[2]));
        Assert.Equal((2L, Sha1("bb")), (answers.File(indexes[3], odd).Size, answers.File(indexes[3], odd).Checksum));
        Assert.Equal(small, answers.File(indexes[4], link).LinkTarget);
        Assert.Null(answers.File(indexes[4], link).Checksum);
        Assert.Equal((1L, Sha1("a")), (answers.File(indexes[5], link).Size, answers.File(indexes[5], link).Checksum));
        Assert.True(answers.File(indexes[6], dangling).IsLink);
        Assert.False(answers.File(indexes[7], dangling).Exists);
        Assert.True(answers.File(indexes[8], temp.Path).IsDirectory);
        Assert.Null(answers.File(indexes[8], temp.Path).Checksum);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("a"u8.ToArray())), answers.File(indexes[9], small).Checksum);
    }

    [Fact]
    public async Task A_failing_batch_falls_back_to_one_path_at_a_time()
    {
        // Root reads anything, so the batches are made to fail by a file that cannot be read at all: a FIFO
        // would block, a directory is excluded, so remove the file between the kind check and the batches (this
        // test shell has no session helper, so the batch is the stat program, here wrapped by a function).
        var kept = temp["kept"];
        File.WriteAllText(kept, "k");
        var vanishing = temp["vanishing"];
        File.WriteAllText(vanishing, "v");

        var probe = new RemoteProbe();
        var keptIndex = probe.AddFile(kept, checksumAlgorithm: "sha1");
        var vanishingIndex = probe.AddFile(vanishing, checksumAlgorithm: "sha1");
        var request = probe.Request();
        var command = $"stat() {{ rm -f -- '{vanishing}'; command stat \"$@\"; }}\n{request.Command}";

        var result = await new ShellTransport().RunAsync(request with { Command = command }, CancellationToken.None);
        var answers = RemoteAnswers.Parse(result, probe.Count);

        Assert.Null(answers.Error);
        Assert.Equal(Sha1("k"), answers.File(keptIndex, kept).Checksum);
        Assert.NotNull(answers.File(vanishingIndex, vanishing).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zk://127.0.0.1:2181/mesos\n")]
    [InlineData("no newline at the end")]
    [InlineData("  leading and trailing spaces  \n\n\n")]
    [InlineData("quotes ' \" \\ backslash \\n $HOME `id` $(id)\r\nwindows line\r\n")]
    [InlineData("héllo wörld ✓\n\tindented\n")]
    public async Task Small_content_that_matches_is_recognised_by_the_shell_without_a_checksum_program(string content)
    {
        var path = temp["same"];
        File.WriteAllText(path, content);
        var probe = new RemoteProbe();
        var index = probe.AddFile(path, follow: true, checksumAlgorithm: "sha1", expectedContent: System.Text.Encoding.UTF8.GetBytes(content));
        var longerIndex = probe.AddFile(path, follow: true, checksumAlgorithm: "sha1", expectedContent: System.Text.Encoding.UTF8.GetBytes(content + "!"));

        var answers = await probe.RunAsync(new EnvironmentTransport(new ShellTransport(), ProgramsOnly.Path(temp, "stat", "readlink")), CancellationToken.None);

        Assert.Null(answers.Error);
        Assert.Equal(Sha1(content), answers.File(index, path).Checksum);
        Assert.True(string.IsNullOrEmpty(answers.File(longerIndex, path).Checksum), "without sha1sum on PATH a differing file has no checksum");
    }

    [Theory]
    [InlineData("abc", "ab\n")]
    [InlineData("ab\n", "abc")]
    [InlineData("a\0b\n", "ab\n\n")]
    [InlineData("x\n\0", "x\n\n")]
    [InlineData("same size, other text\n", "same size, OTHER text\n")]
    public async Task Content_of_the_same_size_that_differs_gets_the_file_s_real_checksum(string onHost, string expected)
    {
        var path = temp["differs"];
        File.WriteAllText(path, onHost);
        var probe = new RemoteProbe();
        var index = probe.AddFile(path, follow: true, checksumAlgorithm: "sha1", expectedContent: System.Text.Encoding.UTF8.GetBytes(expected));

        var answers = await probe.RunAsync(new ShellTransport(), CancellationToken.None);

        Assert.Equal(Sha1(onHost), answers.File(index, path).Checksum);
    }

    [Fact]
    public async Task Large_or_binary_content_is_left_to_the_checksum_program()
    {
        var large = new string('x', ExpectedContent.MaxBytes + 1);
        File.WriteAllText(temp["large"], large);
        File.WriteAllBytes(temp["binary"], [0xff, 0xfe, 0x00]);
        var probe = new RemoteProbe();
        var largeIndex = probe.AddFile(temp["large"], checksumAlgorithm: "sha1", expectedContent: System.Text.Encoding.UTF8.GetBytes(large));
        var binaryIndex = probe.AddFile(temp["binary"], checksumAlgorithm: "sha1", expectedContent: [0xff, 0xfe, 0x00]);

        var command = probe.Request().Command;
        var answers = await probe.RunAsync(new ShellTransport(), CancellationToken.None);

        Assert.DoesNotContain(large, command, StringComparison.Ordinal);
        Assert.Equal(Sha1(large), answers.File(largeIndex, temp["large"]).Checksum);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(new byte[] { 0xff, 0xfe, 0x00 })), answers.File(binaryIndex, temp["binary"]).Checksum);
    }

    [Fact]
    public async Task A_probe_of_files_alone_runs_in_the_session_s_own_shell_again_and_again()
    {
        var small = temp["small"];
        File.WriteAllText(small, "a");
        RemoteProbe FilesOnly()
        {
            var probe = new RemoteProbe();
            probe.AddFile(small, checksumAlgorithm: "sha1");
            probe.AddFile(temp["missing"], follow: true);
            probe.AddFile(temp.Path);
            probe.AddFile(small, checksumAlgorithm: "sha1", expectedContent: "a"u8.ToArray());
            return probe;
        }

        Assert.True(FilesOnly().Request().InSessionShell);
        var withSnippet = FilesOnly();
        withSnippet.AddShell("echo x");
        Assert.False(withSnippet.Request().InSessionShell);
        var withQuietSnippet = FilesOnly();
        withQuietSnippet.AddShell("[ -d / ] && printf 'y'", leavesShellAsItWas: true);
        Assert.True(withQuietSnippet.Request().InSessionShell);

        // One session, so every probe after the first finds what the earlier ones left in its shell.
        await using var transport = new Orchestrator.Transport.LocalTransport();
        for (var round = 0; round < 3; round++)
        {
            var answers = await FilesOnly().RunAsync(transport, CancellationToken.None);
            Assert.Null(answers.Error);
            Assert.Equal(Sha1("a"), answers.File(0, small).Checksum);
            Assert.False(answers.File(1, temp["missing"]).Exists);
            Assert.True(answers.File(2, temp.Path).IsDirectory);
            Assert.Equal(Sha1("a"), answers.File(3, small).Checksum);
        }

        var user = await transport.RunAsync(new Orchestrator.Core.Transport.CommandRequest("set | grep -c '^__p' || :"), CancellationToken.None);
        Assert.Equal("0\n", user.StdoutText);
    }

    private static async Task<RemoteAnswers> RunAsync(RemoteProbe probe, bool productTransport)
    {
        if (!productTransport)
        {
            return await probe.RunAsync(new ShellTransport(), CancellationToken.None);
        }

        await using var transport = new Orchestrator.Transport.LocalTransport();
        return await probe.RunAsync(transport, CancellationToken.None);
    }

    private static string Sha1(string text) => Convert.ToHexStringLower(SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
