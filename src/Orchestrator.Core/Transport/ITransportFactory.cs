namespace Orchestrator.Core.Transport;

public interface ITransportFactory
{
    /// <summary>Creates (does not yet open) a connection; opening happens on first use and may throw <see cref="HostUnreachableException"/>.</summary>
    ITransport Create(ConnectionSettings settings);
}
