using Orchestrator.Core.Transport;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

public sealed class LocalTransportTests(ITestOutputHelper output) : TransportBehaviourTests(output)
{
    [Fact]
    public async Task Become_runs_as_another_user_through_sudo()
    {
        // The tests run as root, whom sudo never asks for a password; a password-protected become is
        // covered over ssh (SshBecomeTests), where the connection user is not root.
        var result = await RunAsync("id -un; cat", "in"u8.ToArray(), new BecomeOptions("nobody"));
        Assert.Equal("nobody\nin", result.StdoutText);
    }

    [Fact]
    public async Task Put_sets_owner_and_group()
    {
        var path = Scratch + "/owned";
        await PutAsync(new FileUpload(path, "x"u8.ToArray()) { Owner = "nobody", Group = "nogroup", Mode = "0600" });
        Assert.Equal("600 nobody nogroup\n", (await RunAsync($"stat -c '%a %U %G' {path}")).StdoutText);

        // Replacing it without an owner keeps the owner (we are root, so we may).
        await PutAsync(new FileUpload(path, "y"u8.ToArray()));
        Assert.Equal("600 nobody nogroup\n", (await RunAsync($"stat -c '%a %U %G' {path}")).StdoutText);
    }

    [Fact]
    public async Task The_local_session_leads_its_own_process_group()
    {
        // An abort signals that group; setsid must not have forked, or the group would not be the loop's.
        var result = await RunAsync("test \"$(cut -d' ' -f5 /proc/$PPID/stat)\" = \"$PPID\"");
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_session_that_stops_answering_is_ended_after_the_timeout_grace_and_replaced()
    {
        // Stopping the loop itself: its own timeout cannot answer, only the controller-side limit can.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await RunAsync(new CommandRequest("kill -STOP $PPID") { Timeout = TimeSpan.FromSeconds(1) });
        Assert.True(result.TimedOut);
        Assert.Equal(124, result.ExitCode);
        Assert.Contains("session was ended", result.StderrText, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(40));
        Assert.Equal("fresh\n", (await RunAsync("echo fresh")).StdoutText);
    }

    [Fact]
    public async Task Session_functions_given_to_the_factory_are_defined_when_each_session_starts()
    {
        // Counting definitions: a request that defined them again would count again.
        const string functions = "__defs=$((${__defs:-0} + 1))\n__shared() { echo \"shared $__defs $1\"; }";
        await using var transport = new TransportFactory(null, [functions]).Create(new ConnectionSettings("local-test") { Connection = "local" });
        Task<CommandResult> Run(CommandRequest request) => transport.RunAsync(request, CancellationToken.None).WaitAsync(CallLimit);

        Assert.Equal("shared 1 a\n", (await Run(new CommandRequest("__shared a") { IsInternal = true })).StdoutText);
        Assert.Equal("shared 1 b\n", (await Run(new CommandRequest("__shared b") { IsInternal = true, SharedFunctions = functions })).StdoutText);

        // A user's command is a fresh shell: the functions travel with it when it asks for them, and only then.
        Assert.Equal("shared 1 c\n", (await Run(new CommandRequest("__shared c") { SharedFunctions = functions })).StdoutText);
        Assert.Equal("unset\n", (await Run(new CommandRequest("echo \"${__defs-unset}\"; command -v __shared || :"))).StdoutText);

        // Without them the session has none (the counter-check that the first call above proves something).
        await using var plain = new LocalTransport("local-test");
        Assert.Equal(127, (await plain.RunAsync(new CommandRequest("__shared d") { IsInternal = true }, CancellationToken.None).WaitAsync(CallLimit)).ExitCode);
    }

    protected override ITransport CreateTransport() => new LocalTransport("local-test");

    protected override string? SessionDirectory(ITransport transport) => ((LocalTransport)transport).SessionDirectory;
}
