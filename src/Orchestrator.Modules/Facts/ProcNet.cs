using System.Globalization;
using System.Net;

namespace Orchestrator.Modules.Facts;

/// <summary>The kernel's own tables, for hosts without the ip command: /proc/net/route and /proc/net/fib_trie.</summary>
internal static class ProcNet
{
    /// <summary>The host's own IPv4 addresses: the fib_trie leaves marked "/32 host LOCAL" (no interface names there).</summary>
    public static List<(string Address, string? Interface)> LocalAddresses(string? fibTrie)
    {
        var addresses = new List<(string, string?)>();
        string? leaf = null;
        foreach (var raw in (fibTrie ?? "").Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("|-- ", StringComparison.Ordinal))
            {
                leaf = line[4..].Trim();
            }
            else if (line.StartsWith("+--", StringComparison.Ordinal))
            {
                leaf = null;
            }
            else if (leaf is not null && line.StartsWith("/32 host LOCAL", StringComparison.Ordinal) && !addresses.Exists(a => a.Item1 == leaf))
            {
                addresses.Add((leaf, null));
            }
        }

        return addresses;
    }

    /// <summary>
    /// The interface of the default route with the lowest metric, and the local address that lies in one of that
    /// interface's directly connected networks.
    /// </summary>
    public static (string? Address, string? Interface) Default(string? routeTable, IReadOnlyList<string> localAddresses)
    {
        var routes = (routeTable ?? "").Split('\n').Skip(1)
            .Select(l => l.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 8)
            .Select(f => (Interface: f[0], Destination: Hex(f[1]), Gateway: Hex(f[2]), Metric: Hex(f[6]), Mask: Hex(f[7])))
            .ToList();
        var defaults = routes.Where(r => r.Destination == 0 && r.Mask == 0).OrderBy(r => r.Metric).ToList();
        if (defaults.Count == 0)
        {
            return (null, null);
        }

        var device = defaults[0].Interface;
        var networks = routes.Where(r => r.Interface == device && r.Gateway == 0 && r.Mask != 0).ToList();
        var address = localAddresses.FirstOrDefault(a => networks.Exists(n => (Value(a) & n.Mask) == n.Destination));
        return (address, device);
    }

    // /proc/net/route prints addresses as the host-order hex of network-order bytes; so does Value.
    private static uint Hex(string text) =>
        uint.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value) ? value : uint.MaxValue;

    private static uint Value(string address)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        return bytes[0] | ((uint)bytes[1] << 8) | ((uint)bytes[2] << 16) | ((uint)bytes[3] << 24);
    }
}
