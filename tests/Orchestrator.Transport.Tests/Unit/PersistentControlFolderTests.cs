using Orchestrator.Transport.Ssh;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>The per-user folder of masters kept between runs: where it is, and which folders are refused.</summary>
public sealed class PersistentControlFolderTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly string home = Directory.CreateTempSubdirectory("orch-home-").FullName;

    [Fact]
    public void It_lives_in_the_home_folder_and_falls_back_to_tmp_when_the_socket_path_would_be_too_long()
    {
        Assert.Equal("/home/deploy/.orchestrate/cp", PersistentControlFolder.Choose("/home/deploy", 1000));
        var longHome = "/home/" + new string('h', 60);
        Assert.Equal("/tmp/orch-cp-1000", PersistentControlFolder.Choose(longHome, 1000));
        Assert.Equal("/tmp/orch-cp-0", PersistentControlFolder.Choose("", 0));

        // The socket ssh creates (%C's 40 hex digits, '-', the 8-digit tag, then ssh's 17-character temporary
        // suffix) stays within 104 bytes.
        Assert.True("/home/deploy/.orchestrate/cp/".Length + 49 + 17 <= 104);
        var longest = "/home/" + new string('u', 15);
        Assert.Equal(longest + "/.orchestrate/cp", PersistentControlFolder.Choose(longest, 1000));
        Assert.Equal("/tmp/orch-cp-1000", PersistentControlFolder.Choose(longest + "u", 1000));
    }

    [Fact]
    public void A_missing_folder_is_created_private_to_the_user()
    {
        var folder = Path.Combine(home, ".orchestrate", "cp");
        Assert.Null(PersistentControlFolder.Prepare(folder, UnixFileOwner.CurrentUser));
        Assert.Equal(Private, File.GetUnixFileMode(folder));

        // Again: an existing private folder is fine.
        Assert.Null(PersistentControlFolder.Prepare(folder, UnixFileOwner.CurrentUser));
    }

    [Fact]
    public void A_folder_others_can_write_to_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(home, "open")).FullName;
        File.SetUnixFileMode(folder, Private | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        Assert.Contains("writable by group or others", PersistentControlFolder.Prepare(folder, UnixFileOwner.CurrentUser), StringComparison.Ordinal);

        File.SetUnixFileMode(folder, Private | UnixFileMode.GroupWrite);
        Assert.NotNull(PersistentControlFolder.Prepare(folder, UnixFileOwner.CurrentUser));
    }

    [Fact]
    public void A_folder_of_another_user_or_a_symbolic_link_is_refused()
    {
        var folder = Directory.CreateDirectory(Path.Combine(home, "theirs")).FullName;
        File.SetUnixFileMode(folder, Private);
        Assert.Contains("belongs to user id", PersistentControlFolder.Check(folder, UnixFileOwner.CurrentUser + 1), StringComparison.Ordinal);

        // Another owner for real: the tests run as root (see SshTestEnvironment), which may hand it over.
        HostCommand.Run("chown", ["65534", folder]);
        Assert.Contains("belongs to user id 65534", PersistentControlFolder.Prepare(folder, UnixFileOwner.CurrentUser), StringComparison.Ordinal);

        var link = Path.Combine(home, "link");
        var target = Directory.CreateDirectory(Path.Combine(home, "target")).FullName;
        File.SetUnixFileMode(target, Private);
        File.CreateSymbolicLink(link, target);
        Assert.Contains("not a folder", PersistentControlFolder.Prepare(link, UnixFileOwner.CurrentUser), StringComparison.Ordinal);
    }

    [Fact]
    public void The_owner_is_read_without_following_a_link()
    {
        var examined = UnixFileOwner.Examine(home);
        Assert.NotNull(examined);
        Assert.True(examined.Value.IsDirectory);
        Assert.Equal(UnixFileOwner.CurrentUser, examined.Value.Owner);
        Assert.Null(UnixFileOwner.Examine(Path.Combine(home, "missing")));
    }

    public void Dispose() => Directory.Delete(home, recursive: true);
}
