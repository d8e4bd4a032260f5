namespace Orchestrator.Inventory;

/// <summary>
/// Merges one host's variables, low to high: "all", then the host's other groups sorted as Ansible sorts them
/// (depth, ansible_group_priority, name), then the host itself. At each of these levels the inventory file's
/// variables come first, then the group_vars/ (host_vars/) files beside each inventory source, then those
/// beside the playbook.
/// </summary>
/// <remarks>
/// Ansible's default VARIABLE_PRECEDENCE instead applies every group's inventory variables before any
/// group_vars/ file, so group_vars/all.yaml beats a group's vars written in the inventory file; keeping each
/// file at its own group's level makes "parents before children" hold whatever the source (SPEC §4).
/// </remarks>
internal sealed class VariableMerger(
    InventoryDraft draft,
    IReadOnlyList<VarsDirectory> inventoryFolders,
    VarsDirectory? playbookFolder)
{
    public VariableSet Merge(string host, VariableSet hostVariables, IReadOnlyList<string> sortedGroups)
    {
        var result = new VariableSet();
        foreach (var group in sortedGroups.Prepend(InventoryDraft.AllGroup))
        {
            result.MergeFrom(draft.FindGroup(group)!.Variables);
            foreach (var folder in inventoryFolders)
            {
                result.MergeFrom(folder.ForGroup(group));
            }

            result.MergeFrom(playbookFolder?.ForGroup(group));
        }

        result.MergeFrom(hostVariables);
        foreach (var folder in inventoryFolders)
        {
            result.MergeFrom(folder.ForHost(host));
        }

        result.MergeFrom(playbookFolder?.ForHost(host));
        return result;
    }
}
