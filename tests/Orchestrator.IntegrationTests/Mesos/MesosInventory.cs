using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// The lab's Mesos inventory: h1..h3 in zookeeper, mesos_masters and marathon; h4, h5 in mesos_agents; the
/// repository variables pointing at the lab's apt repository; cluster_address left to its default
/// (facts.default_ipv4, the host's address on the lab network). What a test changes between runs is a property.
/// </summary>
internal sealed record MesosInventory(
    string Method,
    string ClusterName,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> AgentAttributes)
{
    /// <summary>The Swarm manager (on h1, containers only) with Docker's API on the agents without TLS.</summary>
    internal bool Swarm { get; init; }

    internal static readonly string[] SwarmManagers = ["h1"];

    internal static MesosInventory Initial(string method) => new(method, "mesos", new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["h4"] = new Dictionary<string, string> { ["rack"] = "r4" },
        ["h5"] = new Dictionary<string, string> { ["rack"] = "r5" },
    });

    internal IReadOnlyDictionary<string, string> AttributesOf(string agent) => AgentAttributes[agent];

    /// <summary>Mesos' --attributes value the content derives: keys in mapping order, k:v joined by ';'.</summary>
    internal string AttributesFlag(string agent) => string.Join(';', AttributesOf(agent).Select(kv => kv.Key + ":" + kv.Value));

    internal string Write(MesosLab lab, string path)
    {
        static string Json(string value) => JsonSerializer.Serialize(value);
        var yaml = new StringBuilder("all:\n  vars:\n");
        yaml.Append("    install_method: ").Append(Method).Append('\n');
        yaml.Append("    mesos_cluster_name: ").Append(Json(ClusterName)).Append('\n');
        yaml.Append("    mesos_repo_url: ").Append(Json(lab.Repository.Url)).Append('\n');
        yaml.Append("    mesos_repo_codename: ").Append(Json(lab.Repository.Suite)).Append('\n');
        yaml.Append("    mesos_repo_key_fingerprint: ").Append(lab.Repository.Fingerprint).Append('\n');
        yaml.Append("    mesos_repo_keyserver: ").Append(Json(lab.Repository.Values["APTREPO_HOST"])).Append('\n');
        if (Swarm)
        {
            yaml.Append("    swarm_enabled: true\n    docker_insecure_tcp: true\n");
        }

        yaml.Append("  hosts:\n");
        foreach (var host in lab.Hosts)
        {
            yaml.Append("    ").Append(host.Name).Append(":\n");
            yaml.Append("      ansible_host: 127.0.0.1\n");
            yaml.Append("      ansible_port: ").Append(host.Port.ToString(CultureInfo.InvariantCulture)).Append('\n');
            yaml.Append("      ansible_user: root\n");
            yaml.Append("      ansible_ssh_private_key_file: ").Append(Json(lab.PrivateKeyPath)).Append('\n');
            yaml.Append("      ansible_ssh_common_args: ")
                .Append(Json($"-o UserKnownHostsFile={lab.KnownHostsPath} -o IdentitiesOnly=yes")).Append('\n');
        }

        yaml.Append("  children:\n");
        foreach (var group in new[] { "zookeeper", "mesos_masters", "marathon" })
        {
            yaml.Append("    ").Append(group).Append(":\n      hosts:\n");
            foreach (var master in MesosLab.Masters)
            {
                yaml.Append("        ").Append(master).Append(": {}\n");
            }
        }

        yaml.Append("    mesos_agents:\n      hosts:\n");
        foreach (var agent in MesosLab.Agents)
        {
            var attributes = string.Join(", ", AttributesOf(agent).Select(kv => kv.Key + ": " + Json(kv.Value)));
            yaml.Append("        ").Append(agent).Append(": { mesos_agent_attributes: { ").Append(attributes).Append(" } }\n");
        }

        if (Method == "containers")
        {
            yaml.Append("    swarm_managers:\n      hosts:\n");
            foreach (var manager in SwarmManagers)
            {
                yaml.Append("        ").Append(manager).Append(": {}\n");
            }
        }

        File.WriteAllText(path, yaml.ToString());
        return path;
    }
}
