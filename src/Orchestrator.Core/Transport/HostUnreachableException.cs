namespace Orchestrator.Core.Transport;

/// <summary>The host could not be reached or the connection died (ssh exit 255, dead session, changed host key).</summary>
public sealed class HostUnreachableException : Exception
{
    public HostUnreachableException(string host, string message)
        : base(message)
    {
        Host = host;
    }

    public HostUnreachableException(string host, string message, Exception inner)
        : base(message, inner)
    {
        Host = host;
    }

    public string Host { get; }
}
