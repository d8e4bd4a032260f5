namespace Orchestrator.Core.Transport;

/// <summary>
/// A transport that can start opening its connection before its first use, so that connecting (an ssh
/// handshake costs a few hundred milliseconds) overlaps the controller's own start-up work.
/// </summary>
public interface IConnectAhead
{
    /// <summary>
    /// Starts connecting in the background and returns at once. A failure is not thrown here: the first call
    /// reports it (as <see cref="HostUnreachableException"/>) without connecting a second time.
    /// </summary>
    void StartConnecting(CancellationToken cancellationToken);
}
