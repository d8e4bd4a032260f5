using Orchestrator.Core.Transport;
using Orchestrator.Transport.Ssh;
using Orchestrator.Transport.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

/// <summary>
/// The shared behaviour (cancellation and upload rollback, timeouts, recycled sessions...) over a master kept by
/// the user's ControlPersist, which the ssh client must not take down with it. The master is stopped afterwards.
/// </summary>
[Collection(SshCollection.Name)]
public sealed class SshKeptMasterTransportTests(SshTestEnvironment environment, ITestOutputHelper output)
    : TransportBehaviourTests(output), IDisposable
{
    private static readonly BecomeOptions Root = new();

    // Short, so that home/.orchestrate/cp/%C fits a socket path.
    private readonly string home = Directory.CreateTempSubdirectory("oh-").FullName;
    private ConnectionSettings? settings;
    private ControlSocket? socket;

    protected override BecomeOptions? CleanupBecome => Root;

    public void Dispose()
    {
        var stopped = socket is null || MasterControl.ExitAsync(settings!, socket).GetAwaiter().GetResult();
        Directory.Delete(home, recursive: true);
        Assert.True(stopped, "the kept master did not stop");
    }

    protected override ITransport CreateTransport()
    {
        var basic = environment.Settings(SshTestEnvironment.NoPasswordUser);
        settings = basic with { CommonArgs = [.. basic.CommonArgs, "-o", "ControlPersist=30s"] };
        var transport = new SshTransport(settings, null, home);
        Assert.True(transport.ControlSocket.LeaveRunning);
        socket = transport.ControlSocket;
        return transport;
    }

    protected override string? SessionDirectory(ITransport transport) => ((SshTransport)transport).SessionDirectory;
}
