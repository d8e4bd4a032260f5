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

    /// <summary>
    /// Closes the host's connection (a kept master too) so that its next use logs in afresh; with nothing open
    /// yet there is nothing to do.
    /// </summary>
    public async Task ResetAsync(string host)
    {
        if (transports.TryRemove(host, out var transport) && transport.IsValueCreated)
        {
            await CloseAsync(transport.Value, reset: true).ConfigureAwait(false);
        }
    }

    /// <summary>The controller itself, for delegate_to: localhost.</summary>
    public ITransport Local => controller.Value;

    public async ValueTask DisposeAsync()
    {
        var open = transports.Values.Where(t => t.IsValueCreated).Select(t => t.Value).ToList();
        if (controller.IsValueCreated)
        {
            open.Add(controller.Value);
        }

        await Task.WhenAll(open.Select(t => CloseAsync(t, reset: false))).ConfigureAwait(false);
    }

    private static async Task CloseAsync(ITransport transport, bool reset)
    {
        try
        {
            if (reset && transport is IConnectionReset resettable)
            {
                await resettable.ResetAsync().ConfigureAwait(false);
            }
            else
            {
                await transport.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HostUnreachableException or IOException or InvalidOperationException)
        {
            // Closing a connection that already died is not a failure of the run.
        }
    }
}
