using System.Globalization;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>
/// Finishes a draft the way Ansible reconciles an inventory (orphan groups under "all", "ungrouped"), reads
/// group_vars/host_vars and merges every host's variables once.
/// </summary>
internal static class InventoryAssembler
{
    /// <summary>Names Ansible answers with an implicit local host when the inventory does not declare them.</summary>
    private static readonly string[] ImplicitLocalhostNames = ["localhost", "127.0.0.1"];

    public static HostInventory Assemble(
        InventoryDraft draft,
        IReadOnlyList<string> inventoryVarsFolders,
        string? playbookFolder,
        YamlValues.TagResolver? tagResolver)
    {
        ApplyPriorities(draft);
        AttachOrphansToAll(draft);
        ReconcileUngrouped(draft);
        var graph = new GroupGraph(draft);

        var groupNames = draft.Groups.Select(g => g.Name).ToList();
        var hostNames = draft.Hosts.Select(h => h.Name).Concat(ImplicitLocalhostNames.Where(n => draft.FindHost(n) is null)).ToList();
        var folders = inventoryVarsFolders.Select(f => VarsDirectory.Load(f, groupNames, hostNames, tagResolver, draft.Problems)).ToList();

        // The playbook's folder may also be an inventory folder: Ansible then applies it at both levels.
        var playbookVars = playbookFolder is null
            ? null
            : inventoryVarsFolders.Zip(folders).FirstOrDefault(pair => InventoryLoader.SameFolder(pair.First, playbookFolder)).Second
              ?? VarsDirectory.Load(playbookFolder, groupNames, hostNames, tagResolver, draft.Problems);
        if (draft.Problems.Count > 0)
        {
            throw new UserErrorException(draft.Problems.Distinct().ToList());
        }

        var merger = new VariableMerger(draft, folders, playbookVars);
        var records = new Dictionary<string, HostRecord>(StringComparer.Ordinal);
        foreach (var host in draft.Hosts)
        {
            var groups = graph.GroupsOf(host);
            groups.Remove(InventoryDraft.AllGroup);
            var sorted = graph.Sort(groups);
            records[host.Name] = new HostRecord(
                new InventoryHost(host.Name, host.Location),
                host.Order,
                groups.Order(StringComparer.Ordinal).ToList(),
                merger.Merge(host.Name, host.Variables, sorted));
        }

        foreach (var name in ImplicitLocalhostNames.Where(n => draft.FindHost(n) is null))
        {
            var own = new VariableSet();
            own.Set("ansible_connection", "local", SourceLocation.None);
            records[name] = new HostRecord(new InventoryHost(name, SourceLocation.None), int.MaxValue, [], merger.Merge(name, own, []));
        }

        var hosts = draft.Hosts.Select(h => records[h.Name].Host).ToList();
        var inventoryGroups = draft.Groups
            .Select(g => new InventoryGroup(g.Name, g.Children.ToList(), g.Hosts.ToList(), g.Location))
            .ToList();
        var groupsMagic = draft.Groups.ToDictionary(g => g.Name, g => (IReadOnlyList<string>)graph.HostsOf(g.Name), StringComparer.Ordinal);
        return new HostInventory(hosts, inventoryGroups, records, groupsMagic);
    }

    // Ansible takes ansible_group_priority out of the group's variables and sorts groups of equal depth by it.
    private static void ApplyPriorities(InventoryDraft draft)
    {
        foreach (var group in draft.Groups)
        {
            if (!group.Variables.TryGet("ansible_group_priority", out var priority))
            {
                continue;
            }

            group.Variables.Remove("ansible_group_priority");
            switch (priority.Value)
            {
                case long number when number is >= int.MinValue and <= int.MaxValue:
                    group.Priority = (int)number;
                    break;
                case string text when int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                    group.Priority = parsed;
                    break;
                default:
                    draft.Problems.Add(new Diagnostic(priority.Location, $"ansible_group_priority of group '{group.Name}' must be a whole number"));
                    break;
            }
        }
    }

    private static void AttachOrphansToAll(InventoryDraft draft)
    {
        var all = draft.FindGroup(InventoryDraft.AllGroup)!;
        foreach (var group in draft.Groups.Where(g => g.Name != InventoryDraft.AllGroup && g.Parents.Count == 0).ToList())
        {
            draft.AddChild(all, group, SourceLocation.None);
        }
    }

    // "ungrouped" holds exactly the hosts in no group but "all" (and itself).
    private static void ReconcileUngrouped(InventoryDraft draft)
    {
        var ungrouped = draft.FindGroup(InventoryDraft.UngroupedGroup)!;
        foreach (var host in draft.Hosts)
        {
            var elsewhere = host.Groups.Any(g => g is not (InventoryDraft.AllGroup or InventoryDraft.UngroupedGroup));
            var inUngrouped = host.Groups.Contains(InventoryDraft.UngroupedGroup);
            if (elsewhere && inUngrouped)
            {
                host.Groups.Remove(InventoryDraft.UngroupedGroup);
                ungrouped.Hosts.Remove(host.Name);
            }
            else if (!elsewhere && !inUngrouped)
            {
                host.Groups.Add(InventoryDraft.UngroupedGroup);
                ungrouped.Hosts.Add(host.Name);
            }
        }
    }
}
