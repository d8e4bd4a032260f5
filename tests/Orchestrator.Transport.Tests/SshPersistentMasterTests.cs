using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Ssh;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests;

/// <summary>
/// A ControlPersist in ansible_ssh_common_args keeps the master between transports (runs); without it nothing
/// is left running. Each test has a home folder of its own and stops every master it leaves.
/// </summary>
[Collection(SshCollection.Name)]
public sealed partial class SshPersistentMasterTests(SshTestEnvironment environment) : IDisposable
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    // Short, so that home/.orchestrate/cp/%C fits a socket path (else the folder falls back to /tmp).
    private readonly string home = Directory.CreateTempSubdirectory("oh-").FullName;
    private readonly List<(ConnectionSettings Settings, ControlSocket Socket)> kept = [];

    [Fact]
    public async Task A_master_kept_by_ControlPersist_outlives_the_transport_and_serves_the_next_one()
    {
        var settings = Settings("-o", "ControlPersist=30s");
        var first = new SshTransport(settings, null, home);
        Keep(settings, first);
        Assert.Equal("one\n", (await RunAsync(first, "echo one")).StdoutText);
        await first.DisposeAsync().AsTask().WaitAsync(CallLimit);

        var pid = MasterControl.Pid(settings, first.ControlSocket);
        Assert.True(pid is not null, "the master was stopped with its transport");
        var folder = Path.Combine(home, ".orchestrate", "cp");
        Assert.Equal(folder, first.ControlDirectory);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        var socket = Assert.Single(Directory.GetFileSystemEntries(folder));
        Assert.Matches(TaggedSocketName(), Path.GetFileName(socket));

        // The next run: same host, port and user, so the same socket; it multiplexes over the running master.
        var second = new SshTransport(settings with { CommonArgs = [.. settings.CommonArgs] }, null, home);
        Assert.Equal("two\n", (await RunAsync(second, "echo two")).StdoutText);
        await second.DisposeAsync().AsTask().WaitAsync(CallLimit);
        Assert.Equal(pid, MasterControl.Pid(settings, second.ControlSocket));
    }

    [Fact]
    public async Task A_cancelled_upload_is_rolled_back_and_the_kept_master_stays_for_the_next_call()
    {
        var settings = Settings("-o", "ControlPersist=30s");
        await using var transport = new SshTransport(settings, null, home);
        Keep(settings, transport);
        var scratch = (await RunAsync(transport, "mktemp -d /tmp/orch-kept.XXXXXXXX")).StdoutText.Trim();
        var pid = MasterControl.Pid(settings, transport.ControlSocket);
        Assert.NotNull(pid);

        // As in TransportBehaviourTests: 200 MB takes about a second locally, so 200 ms lands in the middle of it.
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => transport.PutFileAsync(new FileUpload(scratch + "/big", new byte[200 * 1024 * 1024]), cancel.Token).WaitAsync(CallLimit));

        Assert.True(
            await HostCommand.EventuallyAsync(() => Directory.GetFileSystemEntries(scratch).Length == 0, TimeSpan.FromSeconds(10)),
            "left: " + string.Join(", ", Directory.GetFileSystemEntries(scratch)));
        Assert.Equal(pid, MasterControl.Pid(settings, transport.ControlSocket));
        Assert.Equal("after\n", (await RunAsync(transport, "echo after")).StdoutText);
        await RunAsync(transport, "rm -rf " + ShellQuote.Quote(scratch));
    }

    [Fact]
    public async Task ControlPersist_no_leaves_nothing_running_after_dispose()
    {
        var settings = Settings("-o", "ControlPersist=no");
        var transport = new SshTransport(settings, null, home);
        Assert.Equal("hi\n", (await RunAsync(transport, "echo hi")).StdoutText);
        var controlDirectory = transport.ControlDirectory;
        Assert.False(transport.ControlSocket.LeaveRunning);
        Assert.NotEmpty(SshProcesses(controlDirectory));

        await transport.DisposeAsync().AsTask().WaitAsync(CallLimit);

        Assert.True(await HostCommand.EventuallyAsync(() => SshProcesses(controlDirectory).Count == 0, TimeSpan.FromSeconds(5)),
            "ssh processes left: " + string.Join(", ", SshProcesses(controlDirectory)));
        Assert.False(Directory.Exists(controlDirectory), $"{controlDirectory} is left");
        Assert.False(Directory.Exists(Path.Combine(home, ".orchestrate")), "the kept-master folder was made for a private master");
    }

    [Fact]
    public async Task A_stale_socket_of_a_killed_master_does_not_break_the_next_run()
    {
        var settings = Settings("-oControlPersist=30");
        var first = new SshTransport(settings, null, home);
        Keep(settings, first);
        await RunAsync(first, "true");
        await first.DisposeAsync().AsTask().WaitAsync(CallLimit);
        var dead = MasterControl.Pid(settings, first.ControlSocket) ?? throw new InvalidOperationException("no master kept");
        HostCommand.Run("kill", ["-KILL", dead.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var folder = first.ControlDirectory;
        Assert.True(await HostCommand.EventuallyAsync(() => MasterControl.Pid(settings, first.ControlSocket) is null, TimeSpan.FromSeconds(10)));
        Assert.Single(Directory.GetFileSystemEntries(folder));

        // ssh finds nobody listening on the socket, removes it and becomes the master itself.
        var second = new SshTransport(settings, null, home);
        Assert.Equal("again\n", (await RunAsync(second, "echo again")).StdoutText);
        await second.DisposeAsync().AsTask().WaitAsync(CallLimit);
        var pid = MasterControl.Pid(settings, second.ControlSocket);
        Assert.NotNull(pid);
        Assert.NotEqual(dead, pid);
    }

    [Fact]
    public async Task A_call_through_a_kept_master_whose_host_stopped_answering_ends_when_cancelled()
    {
        var settings = Settings("-o", "ControlPersist=30s");
        var master = await KeptMasterAsync(settings);
        var stopped = StopHostSide();
        try
        {
            await using var transport = new SshTransport(settings, null, home);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => transport.RunAsync(new CommandRequest("true"), cancel.Token).WaitAsync(CallLimit));

            // The master holds the killed client's pipes until it gives up on the host itself (a minute here); the call
            // ended without waiting for that.
            Assert.Equal(master, MasterControl.Pid(settings, transport.ControlSocket));
        }
        finally
        {
            Signal("-CONT", stopped);
        }
    }

    [Fact]
    public async Task A_kept_master_whose_host_stopped_answering_is_stopped_after_the_start_up_time_and_the_next_call_connects_afresh()
    {
        // ConnectTimeout 1 s: a session gets 31 s to be ready.
        var settings = Settings("-o", "ControlPersist=30s") with { ConnectTimeout = TimeSpan.FromSeconds(1) };
        var master = await KeptMasterAsync(settings);
        var stopped = StopHostSide();
        try
        {
            await using var transport = new SshTransport(settings, null, home);
            var failure = await Assert.ThrowsAsync<HostUnreachableException>(
                () => transport.RunAsync(new CommandRequest("true"), CancellationToken.None).WaitAsync(CallLimit));
            Assert.Contains("no shell session within 31 s", failure.Message, StringComparison.Ordinal);
            Assert.Contains("kept ssh master to this host gave no session in time and was stopped", failure.Message, StringComparison.Ordinal);
            Assert.True(
                await HostCommand.EventuallyAsync(() => MasterControl.Pid(settings, transport.ControlSocket) != master, TimeSpan.FromSeconds(10)),
                "the stuck master was left running");

            // The old connection's server side is still stopped; the next call makes a new connection and works.
            Assert.Equal("fresh\n", (await RunAsync(transport, "echo fresh")).StdoutText);
        }
        finally
        {
            Signal("-CONT", stopped);
        }
    }

    [Fact]
    public async Task The_users_ControlPath_wins_and_the_master_there_is_kept_and_traced()
    {
        var path = Path.Combine(home, "cm-%C");
        var settings = Settings("-o", "ControlPersist yes", "-o", "ControlPath=" + path);
        var logger = new RecordingLogger();
        var transport = new SshTransport(settings, logger, home);
        Keep(settings, transport);
        Assert.Equal("traced\n", (await RunAsync(transport, "echo traced")).StdoutText);
        await transport.DisposeAsync().AsTask().WaitAsync(CallLimit);

        Assert.NotNull(MasterControl.Pid(settings, transport.ControlSocket));
        var socket = Assert.Single(Directory.GetFileSystemEntries(home, "cm-*"));
        Assert.Matches(SocketName(), Path.GetFileName(socket)[3..]);
        Assert.False(Directory.Exists(Path.Combine(home, ".orchestrate")), "the user's ControlPath should be the only socket");
        Assert.Contains(logger.Lines, l => l.Contains("debug1:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        var left = kept.Where(k => !MasterControl.ExitAsync(k.Settings, k.Socket).GetAwaiter().GetResult()).ToList();
        Directory.Delete(home, recursive: true);
        Assert.True(left.Count == 0, "a kept master did not stop");
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex SocketName();

    [GeneratedRegex("^[0-9a-f]{40}-[0-9a-f]{8}$")]
    private static partial Regex TaggedSocketName();

    private ConnectionSettings Settings(params string[] multiplexing)
    {
        var settings = environment.Settings(SshTestEnvironment.NoPasswordUser);
        return settings with { CommonArgs = [.. settings.CommonArgs, .. multiplexing] };
    }

    private void Keep(ConnectionSettings settings, SshTransport transport) => kept.Add((settings, transport.ControlSocket));

    private async Task<int> KeptMasterAsync(ConnectionSettings settings)
    {
        var first = new SshTransport(settings, null, home);
        Keep(settings, first);
        await RunAsync(first, "true");
        await first.DisposeAsync().AsTask().WaitAsync(CallLimit);
        return MasterControl.Pid(settings, first.ControlSocket) ?? throw new InvalidOperationException("no master kept");
    }

    // The host side of the kept master's connection (its sshd processes) stops, as a host that no longer answers
    // while its TCP connection stays open.
    private static List<string> StopHostSide()
    {
        var prefix = "sshd: " + SshTestEnvironment.NoPasswordUser;
        List<string> pids = [.. HostCommand.Processes()
            .Where(p => p.CommandLine.StartsWith(prefix, StringComparison.Ordinal))
            .Select(p => p.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        Assert.NotEmpty(pids);
        Signal("-STOP", pids);
        return pids;
    }

    private static void Signal(string signal, List<string> pids) => HostCommand.Run("kill", [signal, .. pids], check: false);

    private static List<int> SshProcesses(string controlDirectory) =>
        [.. HostCommand.Processes().Where(p => p.CommandLine.Contains(controlDirectory, StringComparison.Ordinal)).Select(p => p.Pid)];

    private static Task<CommandResult> RunAsync(SshTransport transport, string command) =>
        transport.RunAsync(new CommandRequest(command), CancellationToken.None).WaitAsync(CallLimit);
}
