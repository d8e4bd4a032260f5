using System.Security.Cryptography;
using System.Text;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>stat and the shared probe against this machine's GNU stat.</summary>
public sealed class StatOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly StatModule stat = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_file_is_described_with_Ansible_field_names()
    {
        var path = temp["a file with 'quotes' and\nnewline"];
        File.WriteAllText(path, "hello\n");

        var result = await RunAsync(stat, new ShellTransport(), Args("path", path));

        var fields = Assert.IsType<Dictionary<string, object?>>(result.Data["stat"]);
        Assert.Equal(true, fields["exists"]);
        Assert.Equal(true, fields["isreg"]);
        Assert.Equal(false, fields["isdir"]);
        Assert.Equal(6L, fields["size"]);
        Assert.Equal("0" + CopyOnHostTests.UnixModeOf(path), fields["mode"]);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes("hello\n"))), fields["checksum"]);
        Assert.IsType<string>(fields["pw_name"]);
    }

    [Fact]
    public async Task Checksum_algorithm_and_get_checksum_are_honoured()
    {
        var path = temp["f"];
        File.WriteAllText(path, "x");

        var sha256 = await RunAsync(stat, new ShellTransport(), Args("path", path, "checksum_algorithm", "sha256"));
        var none = await RunAsync(stat, new ShellTransport(), Args("path", path, "get_checksum", false));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("x"u8.ToArray())), ((Dictionary<string, object?>)sha256.Data["stat"]!)["checksum"]);
        Assert.False(((Dictionary<string, object?>)none.Data["stat"]!).ContainsKey("checksum"));
    }

    [Fact]
    public async Task Links_are_reported_as_links_unless_followed()
    {
        Directory.CreateDirectory(temp["dir"]);
        var target = "dir\nwith newline";
        File.CreateSymbolicLink(temp["link"], target);
        Directory.CreateSymbolicLink(temp["dirlink"], temp["dir"]);

        var own = (Dictionary<string, object?>)(await RunAsync(stat, new ShellTransport(), Args("path", temp["link"]))).Data["stat"]!;
        var followed = (Dictionary<string, object?>)(await RunAsync(stat, new ShellTransport(), Args("path", temp["dirlink"], "follow", true))).Data["stat"]!;
        var dangling = (Dictionary<string, object?>)(await RunAsync(stat, new ShellTransport(), Args("path", temp["link"], "follow", true))).Data["stat"]!;

        Assert.Equal(true, own["islnk"]);
        Assert.Equal(target, own["lnk_target"]);
        Assert.Equal(Path.Combine(temp.Path, target), own["lnk_source"]);
        Assert.False(followed.ContainsKey("lnk_source"));
        Assert.Equal(true, followed["isdir"]);
        Assert.Equal(false, dangling["exists"]);

        // lnk_source is the resolved absolute path (os.path.realpath), also for a link given by a relative target.
        var dirLink = (Dictionary<string, object?>)(await RunAsync(stat, new ShellTransport(), Args("path", temp["dirlink"]))).Data["stat"]!;
        Assert.Equal(temp["dir"], dirLink["lnk_source"]);
    }

    [Fact]
    public async Task A_missing_path_does_not_exist()
    {
        var result = await RunAsync(stat, new ShellTransport(), Args("path", temp["missing"]));

        Assert.False(result.Failed);
        Assert.Equal(new Dictionary<string, object?> { ["exists"] = false }, result.Data["stat"]);
    }

    [Fact]
    public async Task Several_paths_are_probed_in_one_command()
    {
        File.WriteAllText(temp["f"], "x");
        var transport = new ShellTransport();
        var probe = new RemoteProbe();
        var file = probe.AddFile(temp["f"], checksumAlgorithm: "md5");
        var directory = probe.AddFile(temp.Path);
        var missing = probe.AddFile(temp["nope"]);
        var shell = probe.AddShell("printf 'a\\nb'");

        var answers = await probe.RunAsync(transport, CancellationToken.None);

        Assert.Equal(1, transport.RoundTrips);
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData("x"u8.ToArray())), answers.File(file, temp["f"]).Checksum);
        Assert.True(answers.File(directory, temp.Path).IsDirectory);
        Assert.False(answers.File(missing, temp["nope"]).Exists);
        Assert.Equal("a\nb", answers.Text(shell));
    }
}
