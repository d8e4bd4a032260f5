using System.Collections.Concurrent;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Transport;
using Orchestrator.Engine;
using Orchestrator.Inventory;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Cli;

/// <summary>
/// Starts the first play's first few connections (a few per core, never more than --forks) as soon as the
/// inventory is loaded and the first play's hosts are known, so the ssh handshakes overlap the playbook's parse,
/// the variable check and the engine's own start. The run's transport factory hands these connections out when the engine first asks for a host with
/// the same settings; the ones it never asks for (the check failed, an interrupt) are closed on dispose.
/// Nothing runs on a host before the check has passed: only the connection is made.
/// </summary>
internal sealed class ConnectAhead(ITransportFactory inner) : ITransportFactory, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (ConnectionSettings Settings, ITransport Transport)> ready = new(StringComparer.Ordinal);
    private readonly List<ITransport> unusable = [];

    /// <summary>
    /// A handshake costs the controller tens of milliseconds of CPU (60 ms with OpenSSH 9's default key exchange):
    /// 200 of them started at once starved the variable check for 15 s on two cores. A few per core overlap the
    /// check without slowing it; the engine starts the rest as its forks allow.
    /// </summary>
    private static readonly int MaxEarly = 2 * Environment.ProcessorCount;

    /// <param name="firstPlayHosts">The first play's host pattern (<see cref="Orchestrator.Playbooks.PlaybookParser.PeekFirstPlayHosts"/>).</param>
    public void Start(Expression firstPlayHosts, HostInventory inventory, RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firstPlayHosts);
        if (firstPlayHosts.Text.Contains("{{", StringComparison.Ordinal))
        {
            return;
        }

        IEnumerable<string> hosts = inventory.Resolve(firstPlayHosts.Text, firstPlayHosts.Location);
        if (options.Limit is { } limit)
        {
            var allowed = new HashSet<string>(inventory.Resolve(limit, new SourceLocation("--limit", 0, 0)), StringComparer.Ordinal);
            hosts = hosts.Where(allowed.Contains);
        }

        foreach (var host in hosts.Take(Math.Min(options.Forks, MaxEarly)))
        {
            var settings = PlaybookRunner.ConnectionFor(inventory, options, host);
            if (settings.Connection != "ssh")
            {
                // Only ssh has a handshake worth overlapping (a local session starts in a millisecond).
                continue;
            }

            var transport = inner.Create(settings);
            if (transport is IConnectAhead early && ready.TryAdd(host, (settings, transport)))
            {
                early.StartConnecting(cancellationToken);
            }
            else
            {
                unusable.Add(transport);
            }
        }
    }

    public ITransport Create(ConnectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ready.TryGetValue(settings.HostName, out var early) && Same(early.Settings, settings)
            && ready.TryRemove(new KeyValuePair<string, (ConnectionSettings, ITransport)>(settings.HostName, early))
                ? early.Transport
                : inner.Create(settings);
    }

    // The record's own equality compares the CommonArgs list by reference.
    private static bool Same(ConnectionSettings a, ConnectionSettings b) =>
        a with { CommonArgs = [] } == b with { CommonArgs = [] } && a.CommonArgs.SequenceEqual(b.CommonArgs, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        var unused = ready.Values.Select(e => e.Transport).Concat(unusable).ToList();
        ready.Clear();
        unusable.Clear();
        await Task.WhenAll(unused.Select(t => t.DisposeAsync().AsTask())).ConfigureAwait(false);
    }
}
