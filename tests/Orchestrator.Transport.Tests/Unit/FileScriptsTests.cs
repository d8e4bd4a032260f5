using Orchestrator.Core.Transport;
using Orchestrator.Transport.Commands;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class FileScriptsTests
{
    [Theory]
    [InlineData("/etc/mesos/zk", "/etc/mesos", "zk")]
    [InlineData("/zk", "/", "zk")]
    [InlineData("relative", ".", "relative")]
    [InlineData("a/b", "a", "b")]
    public void Paths_split_into_folder_and_name(string path, string folder, string name)
    {
        Assert.Equal((folder, name), FileScripts.Split(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/")]
    [InlineData("/etc/x\0y")]
    public void Non_file_paths_are_refused(string path)
    {
        Assert.Throws<ArgumentException>(() => FileScripts.Split(path));
    }

    [Fact]
    public void The_temporary_file_is_made_beside_the_destination_and_checked_before_the_rename()
    {
        var script = FileScripts.Put(new FileUpload("/etc/my app/conf", new byte[42]) { Mode = "0640", Owner = "root", Group = "adm" });
        Assert.Contains("d='/etc/my app'\n", script, StringComparison.Ordinal);
        Assert.Matches("\nt=\"\\$d/\\.orch\\.\\$\\$\\.[A-Za-z0-9]{10}\"\n", script);
        Assert.Contains("set -C\nhead -c 42 >\"$t\" || exit 1\n", script, StringComparison.Ordinal);
        Assert.Contains("[ \"$e\" = ok ] ||", script, StringComparison.Ordinal);
        Assert.Contains("chown -- root:adm \"$t\"", script, StringComparison.Ordinal);
        Assert.EndsWith("mv -f -T -- \"$t\" \"$f\" || exit 1\n", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0640", "umask 0137\n", "")]
    [InlineData("600", "umask 0177\n", "")]
    [InlineData("0755", "umask 077\n", "chmod -- 0755 \"$t\"")]
    [InlineData("4644", "umask 077\n", "chmod -- 04644 \"$t\"")]
    public void A_mode_a_redirect_can_make_is_set_by_the_umask_and_any_other_by_chmod(string mode, string umask, string chmod)
    {
        var script = FileScripts.Put(new FileUpload("/tmp/x", []) { Mode = mode });
        Assert.Contains(umask, script, StringComparison.Ordinal);
        Assert.Equal(chmod.Length > 0, script.Contains("chmod", StringComparison.Ordinal));
        Assert.Contains(chmod, script, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_uploads_never_share_a_temporary_name()
    {
        var upload = new FileUpload("/tmp/x", []);
        Assert.NotEqual(FileScripts.Put(upload), FileScripts.Put(upload));
    }

    [Fact]
    public void Small_content_is_the_requests_data_written_by_printf_and_anything_else_comes_on_stdin()
    {
        var small = new FileUpload("/tmp/x", "it's 100%\n"u8.ToArray());
        Assert.Contains("printf '%s' \"$__b\" >\"$t\" || exit 1\n", FileScripts.Put(small), StringComparison.Ordinal);
        Assert.DoesNotContain("100%", FileScripts.Put(small), StringComparison.Ordinal);
        Assert.DoesNotContain("head -c", FileScripts.Put(small), StringComparison.Ordinal);
        Assert.Empty(FileScripts.Stdin(small));
        Assert.Equal(small.Content, FileScripts.Data(small));

        var sudo = small with { Become = new BecomeOptions("root") };
        var nul = small with { Content = "a\0b"u8.ToArray() };
        var large = small with { Content = new byte[FileScripts.MaxInlineBytes + 1].Select(_ => (byte)'x').ToArray() };
        foreach (var upload in new[] { sudo, nul, large })
        {
            Assert.Contains($"head -c {upload.Content.Length} >\"$t\"", FileScripts.Put(upload), StringComparison.Ordinal);
            Assert.DoesNotContain("printf '%s'", FileScripts.Put(upload), StringComparison.Ordinal);
            Assert.Equal([.. upload.Content, .. "ok\n"u8.ToArray()], FileScripts.Stdin(upload));
            Assert.Null(FileScripts.Data(upload));
        }
    }

    [Theory]
    [InlineData("644x")]
    [InlineData("u+rw")]
    [InlineData("0999")]
    [InlineData("12")]
    public void Modes_must_be_octal(string mode)
    {
        Assert.Throws<ArgumentException>(() => FileScripts.Put(new FileUpload("/tmp/x", []) { Mode = mode }));
    }

    [Fact]
    public void A_missing_file_is_told_apart_from_a_failed_read()
    {
        Assert.True(FileScripts.IsMissing(new CommandResult(FileScripts.MissingExitCode, [], System.Text.Encoding.UTF8.GetBytes(FileScripts.MissingMarker))));
        Assert.False(FileScripts.IsMissing(new CommandResult(FileScripts.MissingExitCode, [], [])));
        Assert.False(FileScripts.IsMissing(new CommandResult(1, [], System.Text.Encoding.UTF8.GetBytes("cat: x: Permission denied"))));
    }
}
