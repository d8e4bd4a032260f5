using System.Text;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Modules.Text;
using Orchestrator.Transport;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests.Text;

/// <summary>lineinfile against a temporary folder through the product's LocalTransport (and the counting test shell).</summary>
public sealed class LineInFileOnHostTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly LocalTransport transport = new();
    private readonly LineInFileModule lineinfile = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await transport.DisposeAsync();
        temp.Dispose();
    }

    private string Hostile => $"q ' \" $(touch {temp["pwned1"]}) `touch {temp["pwned2"]}` \\ \\1 back\\slash\ttab  trailing  \t\nnon-ASCII: héllo ✓ 日本語\n$HOME ${{PATH}} !! *.cs ; rm -rf {temp["victim"]} &\n";

    [Fact]
    public async Task First_run_changes_second_is_ok_and_check_mode_touches_nothing()
    {
        var path = temp["sshd_config"];
        File.WriteAllText(path, "Port 22\nPermitRootLogin yes\nUsePAM yes\n");
        var arguments = Args("path", path, "regexp", "^PermitRootLogin ", "line", "PermitRootLogin no");

        var checkedOnly = await RunAsync(lineinfile, transport, arguments, check: true, diff: true);
        Assert.True(checkedOnly.Changed, checkedOnly.Message);
        Assert.Equal("Port 22\nPermitRootLogin yes\nUsePAM yes\n", File.ReadAllText(path));
        Assert.Equal(new FileDiff(path, "Port 22\nPermitRootLogin yes\nUsePAM yes\n", "Port 22\nPermitRootLogin no\nUsePAM yes\n"), checkedOnly.Diff);

        var first = await RunAsync(lineinfile, transport, arguments);
        var second = await RunAsync(lineinfile, transport, arguments);

        Assert.True(first.Changed, first.Message);
        Assert.Equal("line replaced", first.Message);
        Assert.Equal("Port 22\nPermitRootLogin no\nUsePAM yes\n", File.ReadAllText(path));
        Assert.False(second.Changed, second.Message);
        Assert.False(second.Failed, second.Message);
    }

    [Fact]
    public async Task Hostile_content_and_lines_are_byte_exact_and_never_executed()
    {
        File.WriteAllText(temp["victim"], "still here");
        var path = temp["it's a \"file\" $(x).conf"];
        var before = Encoding.UTF8.GetBytes(Hostile + "\r\n\0binary-ish\n");
        File.WriteAllBytes(path, before);
        var line = "added ' \" $(touch " + temp["pwned3"] + ") `id` \\ \\1 \ttab  \t ü ✓";

        var first = await RunAsync(lineinfile, transport, Args("path", path, "line", line));
        var second = await RunAsync(lineinfile, transport, Args("path", path, "line", line));

        Assert.True(first.Changed, first.Message);
        Assert.Equal([.. before, .. Encoding.UTF8.GetBytes(line + "\n")], File.ReadAllBytes(path));
        Assert.False(second.Changed, second.Message);
        Assert.False(File.Exists(temp["pwned1"]) || File.Exists(temp["pwned2"]) || File.Exists(temp["pwned3"]));
        Assert.True(File.Exists(temp["victim"]));
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_survive_an_edit()
    {
        var path = temp["latin1.conf"];
        byte[] latin1 = [.. Encoding.Latin1.GetBytes("name=Gr\u00f6\u00dfe\n"), 0xff, 0xfe, (byte)'\n'];
        File.WriteAllBytes(path, latin1);

        var result = await RunAsync(lineinfile, transport, Args("path", path, "regexp", "^name=", "line", "name=✓"));

        Assert.True(result.Changed, result.Message);
        Assert.Equal([.. Encoding.UTF8.GetBytes("name=✓\n"), 0xff, 0xfe, (byte)'\n'], File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_link_is_followed_and_stays_a_link()
    {
        var target = temp["real.conf"];
        var link = temp["link.conf"];
        File.WriteAllText(target, "a\n");
        File.CreateSymbolicLink(link, target);

        var result = await RunAsync(lineinfile, transport, Args("path", link, "line", "b"));

        Assert.True(result.Changed, result.Message);
        Assert.Equal("a\nb\n", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public async Task A_file_created_through_a_linked_folder_lands_in_the_folder_linked_to()
    {
        // The path is not a link itself (no readlink process then), but the folder on its way is.
        Directory.CreateDirectory(temp["real-etc"]);
        Directory.CreateSymbolicLink(temp["etc"], temp["real-etc"]);
        var path = temp["etc/java.env"];

        var created = await RunAsync(lineinfile, transport, Args("path", path, "line", "JVMFLAGS=-Xmx1g", "create", true));
        var again = await RunAsync(lineinfile, transport, Args("path", path, "line", "JVMFLAGS=-Xmx1g", "create", true));

        Assert.True(created.Changed, created.Message);
        Assert.Equal("JVMFLAGS=-Xmx1g\n", File.ReadAllText(temp["real-etc/java.env"]));
        Assert.NotNull(new DirectoryInfo(temp["etc"]).LinkTarget);
        Assert.False(again.Changed, again.Message);
    }

    [Fact]
    public async Task Create_makes_the_file_and_its_folders_and_without_it_a_missing_file_fails()
    {
        var path = temp["new/sub/file.conf"];

        var refused = await RunAsync(lineinfile, transport, Args("path", path, "line", "x=1"));
        var created = await RunAsync(lineinfile, transport, Args("path", path, "line", "x=1", "create", true, "mode", "0600"));
        var again = await RunAsync(lineinfile, transport, Args("path", path, "line", "x=1", "create", true, "mode", "0600"));

        Assert.True(refused.Failed);
        Assert.Equal($"Destination {path} does not exist !", refused.Message);
        Assert.True(created.Changed, created.Message);
        Assert.Equal("x=1\n", File.ReadAllText(path));
        Assert.Equal("600", CopyOnHostTests.UnixModeOf(path));
        Assert.False(again.Changed, again.Message);
    }

    [Fact]
    public async Task A_mode_change_alone_is_reported_then_ok_and_content_keeps_the_old_mode()
    {
        var path = temp["modes"];
        File.WriteAllText(path, "a\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var added = await RunAsync(lineinfile, transport, Args("path", path, "line", "b"));
        Assert.Equal("700", CopyOnHostTests.UnixModeOf(path));

        var modeOnly = await RunAsync(lineinfile, transport, Args("path", path, "line", "b", "mode", "0640"), diff: true);
        var again = await RunAsync(lineinfile, transport, Args("path", path, "line", "b", "mode", "0640"));

        Assert.True(added.Changed);
        Assert.True(modeOnly.Changed);
        Assert.Equal("ownership, perms or SE linux context changed", modeOnly.Message);
        Assert.Contains("mode: 0640", modeOnly.Diff!.After, StringComparison.Ordinal);
        Assert.Equal("640", CopyOnHostTests.UnixModeOf(path));
        Assert.False(again.Changed, again.Message);
    }

    [Fact]
    public async Task Absent_removes_matching_lines_and_a_missing_file_is_ok()
    {
        var path = temp["hosts"];
        File.WriteAllText(path, "127.0.0.1 localhost\n10.0.0.1 old\n10.0.0.2 old\n");

        var removed = await RunAsync(lineinfile, transport, Args("path", path, "state", "absent", "regexp", " old$"));
        var missing = await RunAsync(lineinfile, transport, Args("path", temp["nope"], "state", "absent", "line", "x"));

        Assert.True(removed.Changed);
        Assert.Equal("2 line(s) removed", removed.Message);
        Assert.Equal(2L, removed.Data["found"]);
        Assert.Equal("127.0.0.1 localhost\n", File.ReadAllText(path));
        Assert.False(missing.Changed);
        Assert.Equal("file not present", missing.Message);
    }

    [Fact]
    public async Task Backup_keeps_the_old_content_beside_the_file()
    {
        var path = temp["backed"];
        File.WriteAllText(path, "old\n");

        var result = await RunAsync(lineinfile, transport, Args("path", path, "regexp", "^old$", "line", "new", "backup", true));

        var backup = Assert.IsType<string>(result.Data["backup"]);
        Assert.StartsWith(path + ".", backup, StringComparison.Ordinal);
        Assert.Equal(backup, result.Data["backup_file"]);
        Assert.Equal("old\n", File.ReadAllText(backup));
        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_directory_fails_like_ansible()
    {
        var result = await RunAsync(lineinfile, transport, Args("path", temp.Path, "line", "x"));

        Assert.True(result.Failed);
        Assert.Equal($"Path {temp.Path} is a directory !", result.Message);
        Assert.Equal(256, result.ReturnCode);
    }

    [Fact]
    public async Task An_unchanged_file_costs_one_round_trip_and_an_edit_two()
    {
        var path = temp["count"];
        File.WriteAllText(path, "a\n");
        var shell = new ShellTransport();

        await RunAsync(lineinfile, shell, Args("path", path, "line", "b"));
        var afterEdit = shell.RoundTrips;
        await RunAsync(lineinfile, shell, Args("path", path, "line", "b"));

        Assert.Equal(2, afterEdit);
        Assert.Equal(3, shell.RoundTrips);
    }
}
