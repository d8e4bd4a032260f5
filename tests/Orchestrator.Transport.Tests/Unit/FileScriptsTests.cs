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
        Assert.Contains("mktemp \"$d/.orch.$$.XXXXXXXXXX\"", script, StringComparison.Ordinal);
        Assert.Contains("-eq 42 ]", script, StringComparison.Ordinal);
        Assert.Contains("chown -- root:adm \"$t\"", script, StringComparison.Ordinal);
        Assert.Contains("chmod -- 0640 \"$t\"", script, StringComparison.Ordinal);
        Assert.EndsWith("mv -f -T -- \"$t\" \"$f\" || exit 1\n", script, StringComparison.Ordinal);
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
