using System.Collections.Concurrent;
using Orchestrator.Core.Transport;

namespace Orchestrator.Engine;

/// <summary>One connection per host for the whole run (opened on first use), closed at the end.</summary>
internal sealed class TransportPool(ITransportFactory factory, Func<string, ConnectionSettings> settingsOf) : IAsyncDisposable
{
    public const string Controller = "localhost";

    private readonly ConcurrentDictionary<string, Lazy<ITransport>> transports = new(StringComparer.Ordinal);
    private readonly Lazy<ITransport> controller = new(() => factory.Create(new ConnectionSettings(Controller) { Connection = "local" }));

    public ITransport For(string host) =>
        transports.GetOrAdd(host, name => new Lazy<ITransport>(() => factory.Create(settingsOf(name)))).Value;

    /// <summary>The controller itself, for delegate_to: localhost.</summary>
    public ITransport Local => controller.Value;

    public async ValueTask DisposeAsync()
    {
        var open = transports.Values.Where(t => t.IsValueCreated).Select(t => t.Value).ToList();
        if (controller.IsValueCreated)
        {
            open.Add(controller.Value);
        }

        await Task.WhenAll(open.Select(async t =>
        {
            try
            {
                await t.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HostUnreachableException or IOException or InvalidOperationException)
            {
                // Closing a connection that already died is not a failure of the run.
            }
        })).ConfigureAwait(false);
    }
}
