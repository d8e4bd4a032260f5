using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class TransportFactoryTests
{
    [Fact]
    public async Task The_connection_setting_chooses_the_transport()
    {
        var factory = new TransportFactory();
        await using var ssh = factory.Create(new ConnectionSettings("web1"));
        await using var local = factory.Create(new ConnectionSettings("localhost") { Connection = "local" });
        Assert.IsType<SshTransport>(ssh);
        Assert.IsType<LocalTransport>(local);
        Assert.Equal("web1", ssh.HostName);
        Assert.Equal("localhost", local.HostName);
    }

    [Fact]
    public void An_unknown_connection_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new TransportFactory().Create(new ConnectionSettings("web1") { Connection = "paramiko" }));
        Assert.Contains("web1", error.Message, StringComparison.Ordinal);
        Assert.Contains("'paramiko'", error.Message, StringComparison.Ordinal);
    }
}
