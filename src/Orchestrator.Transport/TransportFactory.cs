using Microsoft.Extensions.Logging;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport;

/// <summary>Chooses the transport by <see cref="ConnectionSettings.Connection"/> (ansible_connection).</summary>
/// <param name="sessionFunctions">
/// Shell function definitions (<see cref="CommandRequest.SharedFunctions"/>) every session defines when it starts, so
/// no request has to define them first.
/// </param>
public sealed class TransportFactory(ILoggerFactory? loggerFactory = null, IReadOnlyList<string>? sessionFunctions = null) : ITransportFactory
{
    public ITransport Create(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logger = loggerFactory?.CreateLogger("Orchestrator.Transport");
        return settings.Connection switch
        {
            "ssh" => new SshTransport(settings, logger, sessionFunctions),
            "local" => new LocalTransport(settings.HostName, logger, sessionFunctions),
            var other => throw new ArgumentException(
                $"host {settings.HostName}: unknown connection '{other}' (ansible_connection must be 'ssh' or 'local')",
                nameof(settings)),
        };
    }
}
