using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>
/// Reads one YAML inventory file (Ansible's format) into an <see cref="InventoryDraft"/>: top-level keys are
/// groups; a group may have <c>hosts</c>, <c>vars</c> and <c>children</c>. Every problem is collected.
/// </summary>
internal sealed class YamlInventoryReader(InventoryDraft draft, YamlValues.TagResolver? tagResolver)
{
    private const string AllowedKeys = "'hosts', 'vars' and 'children'";

    private List<Diagnostic> Problems => draft.Problems;

    public void ReadFile(string path)
    {
        IReadOnlyList<YNode> documents;
        try
        {
            documents = YamlLoader.LoadFile(path, null, tagResolver);
        }
        catch (UserErrorException ex)
        {
            Problems.AddRange(ex.Diagnostics);
            return;
        }

        if (documents.Count > 1)
        {
            Problems.Add(new Diagnostic(documents[1].Location, "an inventory file holds one YAML document; remove the second '---'"));
        }

        if (documents.Count > 0)
        {
            ReadRoot(documents[0]);
        }
    }

    private void ReadRoot(YNode root)
    {
        if (root is YScalar scalar && scalar.ToPlain() is null)
        {
            return;
        }

        if (root is not YMapping mapping)
        {
            Problems.Add(new Diagnostic(root.Location, $"an inventory must be a mapping of groups (usually 'all:'), not {PlainValues.KindOf(root)}"));
            return;
        }

        if (mapping.KeyNode("plugin") is { } plugin)
        {
            Problems.Add(new Diagnostic(plugin.Location, "inventory plugins ('plugin:') are not supported; write a YAML inventory of groups"));
            return;
        }

        foreach (var (key, body) in mapping.Entries)
        {
            ReadGroup(key, body, parent: null);
        }
    }

    private void ReadGroup(YScalar key, YNode body, GroupDraft? parent)
    {
        if (key.Value.Length == 0)
        {
            Problems.Add(new Diagnostic(key.Location, "a group name cannot be empty"));
            return;
        }

        var group = draft.Group(key.Value, key.Location);
        if (parent is not null)
        {
            // The link is made before the body is read so that a cycle is reported where it closes.
            draft.AddChild(parent, group, key.Location);
        }

        if (IsNull(body))
        {
            return;
        }

        if (body is not YMapping mapping)
        {
            Problems.Add(new Diagnostic(body.Location, $"group '{group.Name}' must be a mapping with {AllowedKeys} (or empty), not {PlainValues.KindOf(body)}"));
            return;
        }

        foreach (var (section, value) in mapping.Entries)
        {
            switch (section.Value)
            {
                case "hosts":
                    ReadHosts(group, value);
                    break;
                case "vars":
                    ReadGroupVars(group, value);
                    break;
                case "children":
                    ReadChildren(group, value);
                    break;
                default:
                    Problems.Add(new Diagnostic(section.Location, $"unknown key '{section.Value}' in group '{group.Name}'; a group may only have {AllowedKeys}"));
                    break;
            }
        }
    }

    private void ReadHosts(GroupDraft group, YNode node)
    {
        switch (node)
        {
            case var _ when IsNull(node):
                return;
            case YScalar single when single.ToPlain() is string:
                // Ansible accepts "hosts: m1" for a single host.
                AddHosts(group, single, null);
                return;
            case YMapping mapping:
                foreach (var (key, vars) in mapping.Entries)
                {
                    AddHosts(group, key, vars);
                }

                return;
            default:
                Problems.Add(new Diagnostic(node.Location, $"'hosts' of group '{group.Name}' must be a mapping of host names (each 'name:' or 'name: {{vars}}'), not {PlainValues.KindOf(node)}"));
                return;
        }
    }

    private void AddHosts(GroupDraft group, YScalar key, YNode? varsNode)
    {
        var error = HostNameExpander.TryExpand(key.Value, out var names, out var port);
        if (error is not null)
        {
            Problems.Add(new Diagnostic(key.Location, error));
            return;
        }

        VariableSet? variables = null;
        if (varsNode is YMapping mapping)
        {
            variables = VariableReader.Read(mapping, tagResolver, Problems);
        }
        else if (varsNode is not null && !IsNull(varsNode))
        {
            Problems.Add(new Diagnostic(varsNode.Location, $"host '{key.Value}' must be followed by a mapping of its variables or nothing, not {PlainValues.KindOf(varsNode)}"));
        }

        foreach (var name in names)
        {
            var host = draft.AddHost(name, key.Location, group);
            if (port is { } value)
            {
                host.Variables.Set("ansible_port", (long)value, key.Location);
            }

            host.Variables.MergeFrom(variables);
        }
    }

    private void ReadGroupVars(GroupDraft group, YNode node)
    {
        if (IsNull(node))
        {
            return;
        }

        if (node is not YMapping mapping)
        {
            Problems.Add(new Diagnostic(node.Location, $"'vars' of group '{group.Name}' must be a mapping of variables, not {PlainValues.KindOf(node)}"));
            return;
        }

        group.Variables.MergeFrom(VariableReader.Read(mapping, tagResolver, Problems));
    }

    private void ReadChildren(GroupDraft group, YNode node)
    {
        switch (node)
        {
            case var _ when IsNull(node):
                return;
            case YScalar single when single.ToPlain() is string:
                ReadGroup(single, new YScalar(single.Location, "", false), group);
                return;
            case YMapping mapping:
                foreach (var (key, body) in mapping.Entries)
                {
                    ReadGroup(key, body, group);
                }

                return;
            default:
                Problems.Add(new Diagnostic(node.Location, $"'children' of group '{group.Name}' must be a mapping of group names (each 'name:' or 'name: {{group}}'), not {PlainValues.KindOf(node)}"));
                return;
        }
    }

    private static bool IsNull(YNode node) => node is YScalar { IsQuoted: false } scalar && scalar.ToPlain() is null;
}
