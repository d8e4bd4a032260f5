using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests;

/// <summary>A connection started ahead of its first use (IConnectAhead): used by that first call, closed when never used.</summary>
[Collection(SshCollection.Name)]
public sealed class SshConnectAheadTests(SshTestEnvironment environment)
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_first_call_uses_the_connection_started_ahead()
    {
        await using var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser));
        transport.StartConnecting(CancellationToken.None);
        Assert.True(
            await HostCommand.EventuallyAsync(() => File.Exists(transport.ControlDirectory + "/m"), TimeSpan.FromSeconds(30)),
            "the early connection never came up");
        var sshBefore = SshProcesses(transport.ControlDirectory).Count;

        Assert.Equal("one\n", (await RunAsync(transport, "echo one")).StdoutText);
        Assert.Equal("two\n", (await RunAsync(transport, "echo two")).StdoutText);

        // No second session was started for the first call: the same ssh processes serve it.
        Assert.Equal(sshBefore, SshProcesses(transport.ControlDirectory).Count);
    }

    [Fact]
    public async Task A_failed_early_connection_is_the_first_call_failure_and_the_next_call_connects_again()
    {
        using var server = new SshServer(environment.Directory, Path.Combine(environment.Directory, "authorized_keys"), [SshTestEnvironment.NoPasswordUser]);
        server.Kill();
        await using var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser, server));
        transport.StartConnecting(CancellationToken.None);
        Assert.True(
            await HostCommand.EventuallyAsync(() => SshProcesses(transport.ControlDirectory).Count == 0, TimeSpan.FromSeconds(30)),
            "the early attempt did not end");
        server.Start();

        // The host was down when the connection was made: the first call reports that instead of trying again.
        var failure = await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(transport, "echo first"));
        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
        Assert.Equal("second\n", (await RunAsync(transport, "echo second")).StdoutText);
    }

    [Fact]
    public async Task A_connection_started_ahead_and_never_used_is_closed_on_dispose()
    {
        var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser));
        var controlDirectory = transport.ControlDirectory;
        transport.StartConnecting(CancellationToken.None);
        Assert.True(
            await HostCommand.EventuallyAsync(() => File.Exists(controlDirectory + "/m"), TimeSpan.FromSeconds(30)),
            "the early connection never came up");

        await transport.DisposeAsync().AsTask().WaitAsync(CallLimit);

        Assert.True(await HostCommand.EventuallyAsync(() => SshProcesses(controlDirectory).Count == 0, TimeSpan.FromSeconds(5)),
            "ssh processes left: " + string.Join(", ", SshProcesses(controlDirectory)));
        Assert.False(Directory.Exists(controlDirectory), $"{controlDirectory} is left");
    }

    private static List<int> SshProcesses(string controlDirectory) =>
        [.. HostCommand.Processes().Where(p => p.CommandLine.Contains(controlDirectory, StringComparison.Ordinal)).Select(p => p.Pid)];

    private static Task<CommandResult> RunAsync(SshTransport transport, string command) =>
        transport.RunAsync(new CommandRequest(command), CancellationToken.None).WaitAsync(CallLimit);
}
