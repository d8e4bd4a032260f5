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

    protected override ITransport CreateTransport() => new LocalTransport("local-test");

    protected override string? SessionDirectory(ITransport transport) => ((LocalTransport)transport).SessionDirectory;
}
