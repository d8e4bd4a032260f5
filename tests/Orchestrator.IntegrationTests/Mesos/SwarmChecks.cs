using System.Text.Json;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// The Swarm manager (containers, swarm_enabled with docker_insecure_tcp): the stand-in on h1 runs classic Swarm's
/// mesos-experimental driver against the masters, and every agent's own dockerd answers Docker's API on
/// cluster_address:2375 (what the driver dials).
/// </summary>
internal static class SwarmChecks
{
    internal const int SwarmPort = 2375;

    internal static async Task AssertAsync(StandinClient client, MesosExpectations expected)
    {
        foreach (var manager in MesosInventory.SwarmManagers)
        {
            var address = expected.Address(manager);
            var ping = await client.GetTextAsync(address, SwarmPort, "/_ping");
            Assert.True(ping == "OK", $"{manager}: the Swarm manager's /_ping answered {ping ?? "nothing"}");
            var info = await client.GetTextAsync(address, SwarmPort, "/info") ?? throw new Xunit.Sdk.XunitException($"{manager}: no /info");
            using var document = JsonDocument.Parse(info);
            var root = document.RootElement;
            Assert.Contains(root.GetProperty("DriverStatus").EnumerateArray(), row => row[0].GetString() == "Offers");
            var config = root.GetProperty("SwarmStandin");
            Assert.Equal("mesos-experimental", config.GetProperty("cluster_driver").GetString());
            Assert.Equal(expected.MesosZk, config.GetProperty("discovery").GetString());
            Assert.Equal([$"tcp://{address}:{SwarmPort}"], config.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
            var options = config.GetProperty("cluster_opts").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            Assert.Equal(
                new Dictionary<string, string?> { ["mesos.address"] = address, ["mesos.port"] = "3375", ["mesos.user"] = "root" },
                options);
        }

        foreach (var agent in MesosLab.Agents)
        {
            var ping = await client.GetTextAsync(expected.Address(agent), SwarmPort, "/_ping");
            Assert.True(ping == "OK", $"{agent}: dockerd should answer Docker's API on {expected.Address(agent)}:{SwarmPort}, answered {ping ?? "nothing"}");
        }
    }
}
