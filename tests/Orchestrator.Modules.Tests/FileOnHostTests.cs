using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>file against this machine's shell: every state changes once, then reports ok; check mode changes nothing.</summary>
public sealed class FileOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly FileModule file = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> States() => new("directory", "touch", "link", "absent");

    [Theory]
    [MemberData(nameof(States))]
    public async Task Each_state_changes_once_then_is_ok_and_check_mode_changes_nothing(string state)
    {
        var path = temp["sub dir/it's $(x)"];
        Directory.CreateDirectory(temp["sub dir"]);
        File.WriteAllText(temp["target"], "t");
        if (state == "absent")
        {
            Directory.CreateDirectory(path);
            File.WriteAllText(Path.Combine(path, "inner"), "x");
        }

        var arguments = Args("path", path, "state", state, "mode", state == "link" ? null : "u=rwX,g=rX,o=");
        if (state == "link")
        {
            arguments["src"] = temp["target"];
        }

        var snapshot = Snapshot();
        var checkRun = await RunAsync(file, new ShellTransport(), arguments, check: true);
        Assert.True(checkRun.Changed, checkRun.Message);
        Assert.Equal(snapshot, Snapshot());

        var first = await RunAsync(file, new ShellTransport(), arguments);
        Assert.True(first.Changed, first.Message);
        Assert.NotEqual(snapshot, Snapshot());

        var transport = new ShellTransport();
        var (plan, second) = await RunAsync(file, Context(file, arguments, transport));
        Assert.Null(plan.Apply);
        Assert.False(second.Changed, second.Message);
        Assert.False(second.Failed, second.Message);
        Assert.Equal(1, transport.RoundTrips);
    }

    [Fact]
    public async Task A_link_pointing_elsewhere_is_replaced()
    {
        File.WriteAllText(temp["a"], "a");
        File.WriteAllText(temp["b"], "b");
        File.CreateSymbolicLink(temp["current"], temp["a"]);

        var result = await RunAsync(file, new ShellTransport(), Args("path", temp["current"], "state", "link", "src", "b"));

        Assert.True(result.Changed, result.Message);
        Assert.Equal("b", new FileInfo(temp["current"]).LinkTarget);
        Assert.Equal(["a", "b", "current"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Recurse_sets_modes_below_and_is_then_ok()
    {
        Directory.CreateDirectory(temp["app/lib"]);
        File.WriteAllText(temp["app/lib/data"], "x");
        File.WriteAllText(temp["app/run.sh"], "#!/bin/sh");
        var transport = new ShellTransport();
        await transport.RunAsync(new Core.Transport.CommandRequest($"chmod 700 {temp["app/lib"]} && chmod 600 {temp["app/lib/data"]} && chmod 700 {temp["app/run.sh"]}"), CancellationToken.None);
        var arguments = Args("path", temp["app"], "state", "directory", "recurse", true, "mode", "u=rwX,go=rX");

        Assert.True((await RunAsync(file, new ShellTransport(), arguments)).Changed);
        Assert.Equal("755", CopyOnHostTests.UnixModeOf(temp["app/lib"]));
        Assert.Equal("644", CopyOnHostTests.UnixModeOf(temp["app/lib/data"]));
        Assert.Equal("755", CopyOnHostTests.UnixModeOf(temp["app/run.sh"]));
        Assert.False((await RunAsync(file, new ShellTransport(), arguments)).Changed);
    }

    [Theory]
    [InlineData("0750", "750")]
    [InlineData("u=rwx,g=rx,o=", "750")]
    public async Task A_new_directory_s_missing_parents_get_its_mode_too_as_in_Ansible(string mode, string expected)
    {
        Directory.CreateDirectory(temp["kept"]);
        var arguments = Args("path", temp["kept/n1/n2"], "state", "directory", "mode", mode);

        Assert.True((await RunAsync(file, new ShellTransport(), arguments)).Changed);
        Assert.Equal(expected, CopyOnHostTests.UnixModeOf(temp["kept/n1"]));
        Assert.Equal(expected, CopyOnHostTests.UnixModeOf(temp["kept/n1/n2"]));
        Assert.NotEqual(expected, CopyOnHostTests.UnixModeOf(temp["kept"]));
        Assert.False((await RunAsync(file, new ShellTransport(), arguments)).Changed);
    }

    [Fact]
    public async Task Ownership_by_name_or_id_of_the_current_owner_is_ok()
    {
        File.WriteAllText(temp["f"], "x");
        var transport = new ShellTransport();
        var who = (await transport.RunAsync(new Core.Transport.CommandRequest("id -un; id -u; id -gn"), CancellationToken.None)).StdoutText.Split('\n');

        Assert.False((await RunAsync(file, transport, Args("path", temp["f"], "owner", who[0], "group", who[2]))).Changed);
        Assert.False((await RunAsync(file, transport, Args("path", temp["f"], "owner", who[1]))).Changed);
    }

    private string Snapshot() => string.Join(
        "\n",
        Directory.GetFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => $"{p} {File.GetAttributes(p)} {CopyOnHostTests.UnixModeOf(p)}"));
}
