using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>
/// The mutable inventory that sources are read into: groups and hosts in first-declaration order, memberships
/// and variables merged as they come (later wins). Problems are collected, not thrown.
/// </summary>
internal sealed class InventoryDraft
{
    public const string AllGroup = "all";
    public const string UngroupedGroup = "ungrouped";

    private readonly Dictionary<string, GroupDraft> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostDraft> hosts = new(StringComparer.Ordinal);
    private readonly List<GroupDraft> groupOrder = [];
    private readonly List<HostDraft> hostOrder = [];

    public InventoryDraft()
    {
        // As in Ansible, "ungrouped" is the first child of "all" before anything is read.
        AddChild(Group(AllGroup, SourceLocation.None), Group(UngroupedGroup, SourceLocation.None), SourceLocation.None);
    }

    public List<Diagnostic> Problems { get; } = [];

    public IReadOnlyList<GroupDraft> Groups => groupOrder;

    public IReadOnlyList<HostDraft> Hosts => hostOrder;

    public GroupDraft? FindGroup(string name) => groups.GetValueOrDefault(name);

    public HostDraft? FindHost(string name) => hosts.GetValueOrDefault(name);

    /// <summary>The group of that name, created on first mention; an implicit group takes its first explicit location.</summary>
    public GroupDraft Group(string name, SourceLocation location)
    {
        if (groups.TryGetValue(name, out var existing))
        {
            if (!existing.Location.IsKnown && location.IsKnown)
            {
                existing.Location = location;
            }

            return existing;
        }

        var group = new GroupDraft(name, location);
        groups.Add(name, group);
        groupOrder.Add(group);
        return group;
    }

    public HostDraft AddHost(string name, SourceLocation location, GroupDraft group)
    {
        if (!hosts.TryGetValue(name, out var host))
        {
            host = new HostDraft(name, location, hostOrder.Count);
            hosts.Add(name, host);
            hostOrder.Add(host);
        }

        if (!host.Groups.Contains(group.Name))
        {
            host.Groups.Add(group.Name);
            group.Hosts.Add(name);
        }

        return host;
    }

    /// <summary>Adds parent -> child unless it closes a cycle, which is reported at <paramref name="location"/>.</summary>
    public void AddChild(GroupDraft parent, GroupDraft child, SourceLocation location)
    {
        if (parent.Children.Contains(child.Name))
        {
            return;
        }

        if (child.Name == AllGroup)
        {
            Problems.Add(new Diagnostic(location, $"group 'all' contains every group; it cannot be a child of '{parent.Name}'"));
            return;
        }

        var path = PathDown(child, parent.Name, []);
        if (path is not null)
        {
            path.Add(child.Name);
            Problems.Add(new Diagnostic(location, $"group cycle: {string.Join(" -> ", path)}"));
            return;
        }

        parent.Children.Add(child.Name);
        child.Parents.Add(parent.Name);
    }

    /// <summary>The chain of child links from <paramref name="from"/> down to the group named <paramref name="target"/>, or null.</summary>
    private List<string>? PathDown(GroupDraft from, string target, HashSet<string> visited)
    {
        if (from.Name == target)
        {
            return [from.Name];
        }

        if (!visited.Add(from.Name))
        {
            return null;
        }

        foreach (var childName in from.Children)
        {
            var rest = PathDown(groups[childName], target, visited);
            if (rest is not null)
            {
                rest.Insert(0, from.Name);
                return rest;
            }
        }

        return null;
    }
}
