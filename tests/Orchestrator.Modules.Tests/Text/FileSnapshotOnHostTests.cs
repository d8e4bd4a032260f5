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
}
