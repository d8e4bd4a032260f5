using System.Text;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory;

/// <summary>The outputs of <c>orchestrate inventory</c>, shaped like ansible-inventory's. None ends with a newline.</summary>
public static class InventoryRendering
{
    /// <summary>
    /// Like <c>ansible-inventory --list</c>: <c>_meta.hostvars</c> (hosts that have variables), then every group
    /// reachable from "all" with its direct "hosts" and its "children"; empty lists and empty groups left out
    /// ("all" keeps its children); keys sorted.
    /// </summary>
    public static string ToListJson(HostInventory inv)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var hostVars = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var host in inv.GroupsMagic[InventoryDraft.AllGroup])
        {
            var variables = inv.VariablesOf(host);
            if (variables.Count > 0)
            {
                hostVars[host] = variables;
            }
        }

        result["_meta"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["hostvars"] = hostVars };
        AddGroup(inv, inv.FindGroup(InventoryDraft.AllGroup)!, result, new HashSet<string>(StringComparer.Ordinal));
        return SortedJsonWriter.Write(result);
    }

    /// <summary>Like <c>ansible-inventory --graph</c>: groups and hosts in inventory order, "all"'s own hosts not shown.</summary>
    public static string ToGraph(HostInventory inv)
    {
        var lines = new List<string>();
        AddGraph(inv, inv.FindGroup(InventoryDraft.AllGroup)!, 0, lines);
        return string.Join("\n", lines);
    }

    /// <summary>Like <c>ansible-inventory --host NAME</c>: the host's merged variables, keys sorted.</summary>
    /// <exception cref="UserErrorException">The host is not in the inventory (exit code 5, a bad option).</exception>
    public static string HostJson(HostInventory inv, string host)
    {
        if (inv.FindHost(host) is null && !inv.IsKnown(host))
        {
            throw new UserErrorException(SourceLocation.None, $"host '{host}' is not in the inventory", ExitCodes.BadOptions);
        }

        return SortedJsonWriter.Write(inv.VariablesOf(host));
    }

    private static void AddGroup(HostInventory inv, InventoryGroup group, Dictionary<string, object?> result, HashSet<string> seen)
    {
        seen.Add(group.Name);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (group.Name != InventoryDraft.AllGroup && group.Hosts.Count > 0)
        {
            body["hosts"] = group.Hosts.ToList();
        }

        if (group.Children.Count > 0)
        {
            body["children"] = group.Children.ToList();
        }

        if (body.Count > 0)
        {
            result[group.Name] = body;
        }

        foreach (var child in group.Children.Where(c => !seen.Contains(c)))
        {
            AddGroup(inv, inv.FindGroup(child)!, result, seen);
        }
    }

    private static void AddGraph(HostInventory inv, InventoryGroup group, int depth, List<string> lines)
    {
        lines.Add(Indent(depth) + "@" + group.Name + ":");
        foreach (var child in group.Children)
        {
            AddGraph(inv, inv.FindGroup(child)!, depth + 1, lines);
        }

        if (group.Name != InventoryDraft.AllGroup)
        {
            lines.AddRange(group.Hosts.Select(host => Indent(depth + 1) + host));
        }
    }

    private static string Indent(int depth)
    {
        if (depth == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("  |");
        }

        return text.Append("--").ToString();
    }
}
