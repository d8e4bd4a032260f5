using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;
using Orchestrator.Inventory;
using Orchestrator.Templating;

namespace Orchestrator.Content.Tests;

/// <summary>
/// The variables a content task sees on a host, layered as the engine layers them (SPEC §4): the mesos_defaults
/// role's defaults, the inventory, facts, the role's vars, then what the preflight pins with set_fact
/// (cluster_address, zookeeper_id) and extra variables; magic variables on top. hostvars holds every host's
/// inventory variables, facts and pinned values, as the engine's hostvars does after the preflight play.
/// </summary>
internal sealed class ContentVariables
{
    private static readonly SourceLocation Here = new("ContentVariables", 1, 1);
    private readonly HostInventory inventory;
    private readonly string release;
    private readonly IReadOnlyDictionary<string, object?> extra;
    private readonly Dictionary<string, Dictionary<string, object?>> pinned = new(StringComparer.Ordinal);

    public ContentVariables(string inventoryPath, string release, IReadOnlyDictionary<string, object?>? extra = null)
    {
        inventory = InventoryLoader.Load([inventoryPath]);
        this.release = release;
        this.extra = extra ?? new Dictionary<string, object?>();
        foreach (var host in inventory.Hosts)
        {
            var before = Layers(host.Name, withPinned: false);
            pinned[host.Name] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["cluster_address"] = Engine.RenderValue("{{ cluster_address }}", before, Here),
                ["zookeeper_id"] = Engine.RenderValue("{{ int zookeeper_id }}", before, Here),
            };
        }
    }

    public static TemplateEngine Engine { get; } = new();

    public static Dictionary<string, object?> RoleFile(string folder) =>
        YamlValues.ToDictionary((YMapping)YamlLoader.LoadSingle(Path.Combine(RepositoryPaths.Playbooks, "roles", "mesos_defaults", folder, "main.yaml"))!);

    public Dictionary<string, object?> For(string host) => Layers(host, withPinned: true);

    private Dictionary<string, object?> Layers(string host, bool withPinned)
    {
        var vars = RoleFile("defaults");
        Overlay(vars, inventory.VariablesOf(host));
        vars["facts"] = Facts(host);
        Overlay(vars, RoleFile("vars"));
        if (withPinned)
        {
            Overlay(vars, pinned[host]);
        }

        vars["inventory_hostname"] = host;
        vars["groups"] = inventory.GroupsMagic.ToDictionary(g => g.Key, g => (object?)g.Value.Cast<object?>().ToList(), StringComparer.Ordinal);
        vars["group_names"] = inventory.GroupNamesOf(host).Cast<object?>().ToList();
        vars["hostvars"] = withPinned ? HostVars() : new Dictionary<string, object?>();
        Overlay(vars, extra);
        return vars;
    }

    private Dictionary<string, object?> HostVars() => inventory.Hosts.ToDictionary(
        h => h.Name,
        h =>
        {
            var vars = new Dictionary<string, object?>(inventory.VariablesOf(h.Name), StringComparer.Ordinal) { ["facts"] = Facts(h.Name) };
            Overlay(vars, pinned[h.Name]);
            return (object?)vars;
        },
        StringComparer.Ordinal);

    private Dictionary<string, object?> Facts(string host)
    {
        var address = inventory.VariablesOf(host).GetValueOrDefault("cluster_address") as string ?? "10.0.0.99";
        return HostFacts.For(release, host, address);
    }

    private static void Overlay(Dictionary<string, object?> target, IReadOnlyDictionary<string, object?> layer)
    {
        foreach (var (key, value) in layer)
        {
            target[key] = value;
        }
    }
}
