using System.Text.Json;

namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>One lab host: its inventory name, container, ssh port on 127.0.0.1 and address on the lab network.</summary>
internal sealed record LabHost(string Name, string Container, int Port, string Address)
{
    /// <summary>The hosts of a lab, from the hosts.json that <c>hostkit.sh up</c> writes into its state folder.</summary>
    public static List<LabHost> ReadAll(string hostsJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostsJson));
        return document.RootElement.EnumerateArray()
            .Select(h => new LabHost(
                h.GetProperty("name").GetString()!,
                h.GetProperty("container").GetString()!,
                h.GetProperty("port").GetInt32(),
                h.GetProperty("ip").GetString()!))
            .ToList();
    }
}
