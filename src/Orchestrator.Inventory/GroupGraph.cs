namespace Orchestrator.Inventory;

/// <summary>Depths, ancestors and recursive host lists over the (acyclic) group graph of a finished draft.</summary>
internal sealed class GroupGraph
{
    private readonly InventoryDraft draft;
    private readonly Dictionary<string, int> depths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> ancestors = new(StringComparer.Ordinal);

    public GroupGraph(InventoryDraft draft)
    {
        this.draft = draft;
    }

    /// <summary>Longest distance from "all", as Ansible's Group.depth.</summary>
    public int Depth(string group)
    {
        if (depths.TryGetValue(group, out var known))
        {
            return known;
        }

        var parents = draft.FindGroup(group)!.Parents;
        var depth = parents.Count == 0 ? 0 : parents.Max(p => Depth(p) + 1);
        depths[group] = depth;
        return depth;
    }

    public IReadOnlySet<string> Ancestors(string group)
    {
        if (ancestors.TryGetValue(group, out var known))
        {
            return known;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in draft.FindGroup(group)!.Parents)
        {
            result.Add(parent);
            result.UnionWith(Ancestors(parent));
        }

        ancestors[group] = result;
        return result;
    }

    /// <summary>Every group a host is in, directly or through children (including "all").</summary>
    public HashSet<string> GroupsOf(HostDraft host)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in host.Groups)
        {
            result.Add(group);
            result.UnionWith(Ancestors(group));
        }

        return result;
    }

    /// <summary>
    /// Ansible's order for a group's hosts: its own hosts, then those of its children, then of their
    /// children, level by level (each group visited once, each host listed once).
    /// </summary>
    public List<string> HostsOf(string group)
    {
        var hosts = new List<string>();
        var seenHosts = new HashSet<string>(StringComparer.Ordinal);
        var seenGroups = new HashSet<string>(StringComparer.Ordinal) { group };
        var level = new List<string> { group };
        while (level.Count > 0)
        {
            var next = new List<string>();
            foreach (var name in level)
            {
                var draftGroup = draft.FindGroup(name)!;
                hosts.AddRange(draftGroup.Hosts.Where(seenHosts.Add));
                next.AddRange(draftGroup.Children.Where(seenGroups.Add));
            }

            level = next;
        }

        return hosts;
    }

    /// <summary>Ansible's sort_groups: by depth, then ansible_group_priority, then name.</summary>
    public List<string> Sort(IEnumerable<string> groups) =>
        groups.OrderBy(Depth)
            .ThenBy(g => draft.FindGroup(g)!.Priority)
            .ThenBy(g => g, StringComparer.Ordinal)
            .ToList();
}
