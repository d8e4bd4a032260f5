using System.Net;
using System.Net.Sockets;

namespace Orchestrator.Modules.Facts;

/// <summary>
/// default_ipv4, default_interface and all_ipv4, from one `ip -4 -o -batch` of `route get` and `addr show`, or, on
/// hosts without iproute2 (slim containers), from /proc/net/route and /proc/net/fib_trie (or `hostname -I`).
/// </summary>
internal static class NetworkFacts
{
    public static void Add(Dictionary<string, object?> facts, IReadOnlyDictionary<string, string> sections)
    {
        var (routeGet, ipAddr) = sections.TryGetValue("ip", out var ip) ? SplitIpBatch(ip) : (null, null);
        var addresses = ipAddr is not null
            ? FromIpAddr(ipAddr)
            : ProcNet.LocalAddresses(sections.GetValueOrDefault("fib_trie")) is { Count: > 0 } local ? local
            : FromHostnameI(sections.GetValueOrDefault("hostname_ip"));
        addresses = addresses.Where(a => !IsLoopback(a.Address)).ToList();

        var (address, device) = routeGet is not null
            ? FromRouteGet(routeGet)
            : ProcNet.Default(sections.GetValueOrDefault("proc_route"), addresses.Select(a => a.Address).ToList());

        // No default route (an isolated lab network): the first address is the best guess others can reach.
        if (address is null && addresses.Count > 0)
        {
            (address, device) = addresses[0];
        }

        device ??= addresses.FirstOrDefault(a => a.Address == address).Interface;
        if (address is not null)
        {
            facts["default_ipv4"] = address;
        }

        if (!string.IsNullOrEmpty(device))
        {
            facts["default_interface"] = device;
        }

        facts["all_ipv4"] = addresses.Select(a => (object?)a.Address).Distinct().ToList();
    }

    // Lines of `addr show -o` start with the interface's index ("4: eth0 ..."); the route's (none when there is no
    // route) with the address asked about.
    private static (string Route, string Addresses) SplitIpBatch(string output)
    {
        var lines = output.Split('\n');
        static bool IsAddress(string line) => line.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0 && line[..colon].All(char.IsAsciiDigit);
        return (string.Join('\n', lines.Where(l => !IsAddress(l))), string.Join('\n', lines.Where(IsAddress)));
    }

    // "1.1.1.1 via 192.0.2.1 dev eth0 src 192.0.2.2 uid 0 \    cache"
    private static (string? Address, string? Interface) FromRouteGet(string output)
    {
        var words = output.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        string? After(string key) => Array.IndexOf(words, key) is var at and >= 0 && at + 1 < words.Length ? words[at + 1] : null;
        var source = After("src");
        return source is not null && IsIPv4(source) ? (source, After("dev")) : (null, null);
    }

    // "4: eth0    inet 192.0.2.2/24 brd 192.0.2.255 scope global eth0\       valid_lft forever ..."
    private static List<(string Address, string? Interface)> FromIpAddr(string output)
    {
        var addresses = new List<(string, string?)>();
        foreach (var line in output.Split('\n'))
        {
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var inet = Array.IndexOf(words, "inet");
            if (inet >= 2 && inet + 1 < words.Length && words[inet + 1].Split('/')[0] is var address && IsIPv4(address))
            {
                addresses.Add((address, words[1].Split('@')[0].TrimEnd(':')));
            }
        }

        return addresses;
    }

    private static List<(string Address, string? Interface)> FromHostnameI(string? output) =>
        (output ?? "").Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Where(IsIPv4)
            .Select(a => (a, (string?)null))
            .ToList();

    public static bool IsIPv4(string text) =>
        text.Count(c => c == '.') == 3 && IPAddress.TryParse(text, out var parsed) && parsed.AddressFamily == AddressFamily.InterNetwork;

    private static bool IsLoopback(string address) => address.StartsWith("127.", StringComparison.Ordinal);
}
