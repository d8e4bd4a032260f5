using System.Diagnostics;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

/// <summary>Unreachable hosts, dying connections, host keys, and what a transport leaves behind.</summary>
[Collection(SshCollection.Name)]
public sealed class SshConnectionFailureTests(SshTestEnvironment environment, ITestOutputHelper output)
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sshd_killed_mid_command_makes_the_host_unreachable_and_a_later_call_reconnects()
    {
        using var server = new SshServer(environment.Directory, Path.Combine(environment.Directory, "authorized_keys"), [SshTestEnvironment.NoPasswordUser]);
        await using var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser, server));
        Assert.Equal("up\n", (await RunAsync(transport, "echo up")).StdoutText);

        var running = RunAsync(transport, "sleep 30");
        await Task.Delay(500);
        var watch = Stopwatch.StartNew();
        var orphanedFolder = transport.SessionDirectory!;
        server.Kill();
        var lost = await Assert.ThrowsAsync<HostUnreachableException>(() => running);
        output.WriteLine($"noticed after {watch.Elapsed.TotalMilliseconds:0} ms: {lost.Message}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30));
        Assert.Equal("testhost", lost.Host);
        Assert.Contains("127.0.0.1", lost.Message, StringComparison.Ordinal);

        // While the host is down, each call makes one attempt and fails the same way.
        await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(transport, "echo down"));

        server.Start();
        Assert.Equal("back\n", (await RunAsync(transport, "echo back")).StdoutText);

        // The host was killed outright, as a crash would: nothing on it could clean up (the test does).
        Directory.Delete(orphanedFolder, recursive: true);
    }

    [Fact]
    public async Task A_changed_host_key_is_unreachable_in_ssh_own_words()
    {
        var otherKey = Path.Combine(environment.Directory, $"other-{Guid.NewGuid():N}");
        HostCommand.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey]);
        var wrongKey = string.Join(' ', File.ReadAllText(otherKey + ".pub").Split(' ')[..2]);
        await using var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser, hostKey: wrongKey));

        var failure = await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(transport, "echo never"));
        output.WriteLine(failure.Message);
        Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", failure.Message, StringComparison.Ordinal);
        Assert.Contains("host key has CHANGED", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_key_is_not_accepted()
    {
        var settings = environment.Settings(SshTestEnvironment.NoPasswordUser) with
        {
            CommonArgs = ["-F", "/dev/null", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null"],
        };
        await using var transport = new SshTransport(settings);
        var failure = await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(transport, "echo never"));
        Assert.Contains("Host key verification failed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_port_is_unreachable_quickly()
    {
        var settings = environment.Settings(SshTestEnvironment.NoPasswordUser) with { Port = 1 };
        await using var transport = new SshTransport(settings);
        var watch = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(transport, "echo never"));
        output.WriteLine(failure.Message);
        Assert.Contains("Connection refused", failure.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Dispose_leaves_no_ssh_process_control_socket_or_remote_folder()
    {
        var transport = new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser));
        await RunAsync(transport, "echo hi");
        var uploaded = $"/tmp/orch-dispose-{Guid.NewGuid():N}";
        await transport.PutFileAsync(new FileUpload(uploaded, [1, 2, 3]), CancellationToken.None).WaitAsync(CallLimit);
        await RunAsync(transport, $"rm {uploaded}");
        var controlDirectory = transport.ControlDirectory;
        var sessionDirectory = transport.SessionDirectory!;
        Assert.True(File.Exists(controlDirectory + "/m"), "the master's socket should exist while connected");
        Assert.NotEmpty(SshProcesses(controlDirectory));

        await transport.DisposeAsync().AsTask().WaitAsync(CallLimit);

        Assert.True(await HostCommand.EventuallyAsync(() => SshProcesses(controlDirectory).Count == 0, TimeSpan.FromSeconds(5)),
            "ssh processes left: " + string.Join(", ", SshProcesses(controlDirectory)));
        Assert.False(Directory.Exists(controlDirectory), $"{controlDirectory} is left");
        Assert.True(await HostCommand.EventuallyAsync(() => !Directory.Exists(sessionDirectory), TimeSpan.FromSeconds(5)), $"{sessionDirectory} is left");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => RunAsync(transport, "echo closed"));
    }

    private static List<int> SshProcesses(string controlDirectory) =>
        [.. HostCommand.Processes().Where(p => p.CommandLine.Contains(controlDirectory, StringComparison.Ordinal)).Select(p => p.Pid)];

    private static Task<CommandResult> RunAsync(SshTransport transport, string command) =>
        transport.RunAsync(new CommandRequest(command), CancellationToken.None).WaitAsync(CallLimit);
}
