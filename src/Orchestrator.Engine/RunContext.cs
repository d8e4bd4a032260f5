using Orchestrator.Core.Secrets;
using Orchestrator.Core.Templating;
using Orchestrator.Inventory;
using Orchestrator.Modules;

namespace Orchestrator.Engine;

/// <summary>State shared by the whole run: options, inventory, hosts' states, connections, output.</summary>
internal sealed class RunContext
{
    private readonly Dictionary<string, HostState> hosts = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private IReadOnlyDictionary<string, object?>? groupsVariable;
    private IReadOnlyList<string>? hostNames;

    public RunContext(
        RunOptions options,
        HostInventory inventory,
        ModuleRegistry modules,
        ITemplateEngine templates,
        TransportPool transports,
        ObserverGate output,
        SecretMasker secrets)
    {
        Options = options;
        Inventory = inventory;
        Modules = modules;
        Templates = templates;
        Transports = transports;
        Output = output;
        Secrets = secrets;
    }

    public RunOptions Options { get; }

    public HostInventory Inventory { get; }

    public ModuleRegistry Modules { get; }

    public ITemplateEngine Templates { get; }

    public TransportPool Transports { get; }

    public ObserverGate Output { get; }

    public SecretMasker Secrets { get; }

    /// <summary>Resolves tagged YAML scalars (!vault) in vars files.</summary>
    public Orchestrator.Core.Yaml.YamlValues.TagResolver? TagResolver { get; init; }

    /// <summary>The magic <c>groups</c> variable, built once: the inventory does not change during a run.</summary>
    public IReadOnlyDictionary<string, object?> GroupsVariable => groupsVariable ??= Inventory.GroupsMagic
        .ToDictionary(g => g.Key, g => (object?)g.Value.Cast<object?>().ToList(), StringComparer.Ordinal);

    /// <summary>Every inventory host's name (the keys of the magic <c>hostvars</c>), listed once.</summary>
    public IReadOnlyList<string> HostNames => hostNames ??= Inventory.Hosts.Select(h => h.Name).ToList();

    /// <summary>True once --start-at-task found its task (or when it was not given).</summary>
    public bool StartReached { get; set; }

    public HostState Host(string name)
    {
        lock (gate)
        {
            if (!hosts.TryGetValue(name, out var state))
            {
                state = new HostState(name);
                hosts[name] = state;
            }

            return state;
        }
    }

    public IReadOnlyList<HostState> AllHosts()
    {
        lock (gate)
        {
            return [.. hosts.Values];
        }
    }
}
