using System.Text;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Modules.Text;

namespace Orchestrator.Modules.Tests.Text;

/// <summary>lineinfile's snapshot against this machine's shell: small files are read by the shell, the rest by cat.</summary>
public sealed class FileSnapshotOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("JVMFLAGS=-Xmx1g\n")]
    [InlineData("no newline at the end")]
    [InlineData("crlf\r\n\r\n  spaces  \n\n\n")]
    [InlineData("quotes ' \" \\ $HOME `id` é✓ 日本語\n\ttab\n")]
    public async Task A_small_file_is_read_byte_exact_by_the_shell_alone(string content)
    {
        var path = temp["small"];
        File.WriteAllText(path, content);

        var (snapshot, error) = await FileSnapshot.TakeAsync(new EnvironmentTransport(new ShellTransport(), ProgramsOnly.Path(temp, "stat")), path, CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(Encoding.UTF8.GetBytes(content), snapshot!.Content);
    }

    public static TheoryData<byte[]> NeedCat => new()
    {
        { "a\0b\n"u8.ToArray() },
        { Encoding.UTF8.GetBytes(new string('x', ExpectedContent.MaxBytes + 1)) },
    };

    [Theory]
    [MemberData(nameof(NeedCat))]
    public async Task A_file_with_a_nul_or_over_the_size_limit_is_read_by_cat(byte[] content)
    {
        var path = temp["needs-cat"];
        File.WriteAllBytes(path, content);

        var (snapshot, _) = await FileSnapshot.TakeAsync(new ShellTransport(), path, CancellationToken.None);
        var (_, withoutCat) = await FileSnapshot.TakeAsync(new EnvironmentTransport(new ShellTransport(), ProgramsOnly.Path(temp, "stat")), path, CancellationToken.None);

        Assert.Equal(content, snapshot!.Content);
        Assert.NotNull(withoutCat);
    }
    [Fact]
    public async Task Snapshots_run_in_the_session_s_own_shell_and_leave_it_as_it_was()
    {
        var host = new FakeHost();
        host.Files["/etc/a"] = new FakeEntry { Content = "a\n" };
        await FileSnapshot.TakeAsync(host, "/etc/a", CancellationToken.None);
        Assert.True(Assert.Single(host.Commands).InSessionShell);

        var small = temp["small"];
        File.WriteAllText(small, "JVMFLAGS=-Xmx1g\n");
        var needsCat = temp["needs-cat"];
        File.WriteAllBytes(needsCat, "a\0b\n"u8.ToArray());
        var link = temp["link"];
        File.CreateSymbolicLink(link, small);
        var inMissingFolder = Path.Combine(temp["no-such-folder"], "file");

        // One session: every snapshot after the first runs in a shell the earlier ones ran in.
        await using var transport = new Orchestrator.Transport.LocalTransport();
        for (var round = 0; round < 2; round++)
        {
            var (smallSnapshot, _) = await FileSnapshot.TakeAsync(transport, small, CancellationToken.None);
            Assert.Equal("JVMFLAGS=-Xmx1g\n"u8.ToArray(), smallSnapshot!.Content);
            Assert.Equal(small, smallSnapshot.WritePath);

            var (catSnapshot, _) = await FileSnapshot.TakeAsync(transport, needsCat, CancellationToken.None);
            Assert.Equal("a\0b\n"u8.ToArray(), catSnapshot!.Content);

            var (linkSnapshot, _) = await FileSnapshot.TakeAsync(transport, link, CancellationToken.None);
            Assert.Equal("JVMFLAGS=-Xmx1g\n"u8.ToArray(), linkSnapshot!.Content);
            Assert.Equal(small, linkSnapshot.WritePath);

            var (missingSnapshot, error) = await FileSnapshot.TakeAsync(transport, temp["missing"], CancellationToken.None);
            Assert.Null(error);
            Assert.False(missingSnapshot!.State.Exists);
            Assert.Null(missingSnapshot.Content);
            Assert.False(missingSnapshot.ParentMissing);

            var (noFolder, _) = await FileSnapshot.TakeAsync(transport, inMissingFolder, CancellationToken.None);
            Assert.True(noFolder!.ParentMissing);
        }

        // No name the snapshots set reaches a user's command's environment, and the session still answers.
        var user = await transport.RunAsync(new Orchestrator.Core.Transport.CommandRequest("set | grep -c '^__[pkcsxl]' || :"), CancellationToken.None);
        Assert.Equal("0\n", user.StdoutText);
    }
}
