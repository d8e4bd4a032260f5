using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Transport;

namespace Orchestrator.Inventory;

/// <summary>
/// A loaded inventory. Immutable and computed once at load time, so it is safe to share between hosts
/// running in parallel.
/// </summary>
/// <remarks>
/// Besides the declared hosts, the names "localhost" and "127.0.0.1" answer as Ansible's implicit localhost when
/// the inventory does not declare them: a host pattern naming one of them exactly resolves to it, and
/// <see cref="VariablesOf"/>, <see cref="ConnectionOf"/> and <see cref="GroupNamesOf"/> accept them ("all" vars,
/// ansible_connection=local, no groups). They are not in <see cref="Hosts"/>, "all" or <see cref="FindHost"/>.
/// </remarks>
public sealed class HostInventory
{
    private readonly IReadOnlyDictionary<string, HostRecord> records;
    private readonly Dictionary<string, InventoryHost> hostsByName;
    private readonly Dictionary<string, InventoryGroup> groupsByName;

    internal HostInventory(
        IReadOnlyList<InventoryHost> hosts,
        IReadOnlyList<InventoryGroup> groups,
        IReadOnlyDictionary<string, HostRecord> records,
        IReadOnlyDictionary<string, IReadOnlyList<string>> groupsMagic)
    {
        Hosts = hosts;
        Groups = groups;
        GroupsMagic = groupsMagic;
        this.records = records;
        hostsByName = hosts.ToDictionary(h => h.Name, StringComparer.Ordinal);
        groupsByName = groups.ToDictionary(g => g.Name, StringComparer.Ordinal);
    }

    /// <summary>Declared hosts in inventory order (first declaration), each once.</summary>
    public IReadOnlyList<InventoryHost> Hosts { get; }

    /// <summary>Every group in first-declaration order, starting with the implicit "all" and "ungrouped".</summary>
    public IReadOnlyList<InventoryGroup> Groups { get; }

    /// <summary>
    /// Ansible's <c>groups</c>: every group (including "all" and "ungrouped") to all its hosts, recursively, in
    /// Ansible's group order: the group's own hosts as listed, then its children's, level by level.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GroupsMagic { get; }

    public InventoryHost? FindHost(string name) => hostsByName.GetValueOrDefault(name);

    public InventoryGroup? FindGroup(string name) => groupsByName.GetValueOrDefault(name);

    /// <summary>
    /// Ansible's <c>group_names</c>: every group the host is in, directly or through children, sorted, without
    /// "all"; it includes "ungrouped" exactly when the host is in no other group.
    /// </summary>
    public IReadOnlyList<string> GroupNamesOf(string host) => Record(host).GroupNames;

    /// <summary>
    /// The host's merged inventory variables (low to high): "all" < its other groups (by depth, then
    /// ansible_group_priority, then name) < the host; at each of these levels the inventory file's vars, then
    /// group_vars/host_vars beside each inventory source, then beside the playbook.
    /// Returns a fresh deep copy on each call: the caller may change it.
    /// </summary>
    public IReadOnlyDictionary<string, object?> VariablesOf(string host) => Record(host).Variables.ToPlain();

    /// <summary>
    /// Resolves a host pattern to host names in inventory order, without duplicates. A pattern matching nothing
    /// gives an empty list; a malformed one is a <see cref="UserErrorException"/> at <paramref name="location"/>.
    /// </summary>
    public IReadOnlyList<string> Resolve(string pattern, SourceLocation location) =>
        new HostPatternEvaluator(this, location).Resolve(HostPatternParser.Parse(pattern, location), pattern);

    /// <summary>
    /// How to reach the host, from its raw (untemplated) variables; a bad value is a <see cref="UserErrorException"/>
    /// at the place the variable was defined. Use <see cref="HostConnection.From"/> for templated variables.
    /// </summary>
    public ConnectionSettings ConnectionOf(string host)
    {
        var record = Record(host);
        return HostConnection.Build(
            host,
            name => record.Variables.TryGet(name, out var value) ? value : null,
            record.Host.Location);
    }

    internal bool IsKnown(string name) => records.ContainsKey(name);

    /// <summary>Inventory order; implicit hosts last.</summary>
    internal int OrderOf(string host) => records[host].Order;

    private HostRecord Record(string host) =>
        records.TryGetValue(host, out var record)
            ? record
            : throw new ArgumentException($"'{host}' is not a host of the inventory", nameof(host));
}
