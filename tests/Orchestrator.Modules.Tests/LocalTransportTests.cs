using System.Text;
using Orchestrator.Modules.Commands;
using Orchestrator.Modules.Files;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Transport;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>The modules over the product's own LocalTransport (one persistent shell session), not only the test shell.</summary>
public sealed class LocalTransportTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly LocalTransport transport = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await transport.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task Copy_writes_exact_bytes_once_and_then_is_ok()
    {
        var content = $"'\"$(touch {temp["pwned"]})`id`\\\n\ttäb ✓\r\n";
        var dest = temp["conf 'x'"];
        var arguments = Args("content", content, "dest", dest, "mode", "0640");

        var first = await RunAsync(new CopyModule(), transport, arguments);
        var diffed = await RunAsync(new CopyModule(), transport, Args("content", "other\n", "dest", dest), check: true, diff: true);
        var second = await RunAsync(new CopyModule(), transport, arguments);

        Assert.True(first.Changed, first.Message);
        Assert.Equal(Encoding.UTF8.GetBytes(content), File.ReadAllBytes(dest));
        Assert.Equal("640", CopyOnHostTests.UnixModeOf(dest));
        Assert.False(File.Exists(temp["pwned"]));
        Assert.Equal(content, diffed.Diff?.Before);
        Assert.False(second.Changed, second.Message);
    }

    [Fact]
    public async Task A_small_file_is_written_and_then_recognised_as_data_with_no_program_but_stat()
    {
        var content = "quotes ' \" $(id) `id` \\ % %s\r\n\ttäb ✓\n\n";
        var dest = temp["small.conf"];
        var arguments = Args("content", content, "dest", dest);

        var first = await RunAsync(new CopyModule(), transport, arguments);
        var bare = new EnvironmentTransport(transport, ProgramsOnly.Path(temp, "stat"));
        var second = await RunAsync(new CopyModule(), bare, arguments);
        var changed = await RunAsync(new CopyModule(), bare, Args("content", content.ToUpperInvariant(), "dest", dest), check: true);

        Assert.True(first.Changed, first.Message);
        Assert.Equal(Encoding.UTF8.GetBytes(content), File.ReadAllBytes(dest));
        Assert.False(second.Changed, second.Message);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(content))), second.Data["checksum"]);
        Assert.True(changed.Changed, "other content of the same size must not compare equal");
    }

    [Fact]
    public async Task File_and_stat_see_the_same_state()
    {
        var path = temp["d"];
        var arguments = Args("path", path, "state", "directory", "mode", "u=rwx,go=");

        Assert.True((await RunAsync(new FileModule(), transport, arguments)).Changed);
        Assert.False((await RunAsync(new FileModule(), transport, arguments)).Changed);
        var stat = (Dictionary<string, object?>)(await RunAsync(new StatModule(), transport, Args("path", path))).Data["stat"]!;
        Assert.Equal("0700", stat["mode"]);
        Assert.Equal(true, stat["isdir"]);
    }

    [Fact]
    public async Task Command_creates_guard_and_a_skip_leave_the_session_usable()
    {
        var arguments = Args("cmd", $"touch {temp["made"]}", "creates", temp["made"]);

        Assert.True((await RunAsync(new CommandModule(), transport, arguments)).Changed);
        var skipped = await RunAsync(new CommandModule(), transport, arguments);
        var after = await RunAsync(new ShellModule(), transport, Args("cmd", "echo still here"));

        Assert.False(skipped.Changed);
        Assert.Equal("still here", after.Stdout);
    }
}
