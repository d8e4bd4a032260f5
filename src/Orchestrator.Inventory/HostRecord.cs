namespace Orchestrator.Inventory;

/// <summary>Everything computed once per host at load time.</summary>
/// <param name="Order">Inventory order; implicit hosts come after every declared one.</param>
/// <param name="GroupNames">Ansible's group_names: sorted, without "all".</param>
/// <param name="Variables">The merged variables with where each won.</param>
internal sealed record HostRecord(InventoryHost Host, int Order, IReadOnlyList<string> GroupNames, VariableSet Variables);
