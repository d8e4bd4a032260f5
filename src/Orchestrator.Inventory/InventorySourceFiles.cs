namespace Orchestrator.Inventory;

/// <summary>The inventory files of a directory source: every *.yaml/*.yml in sorted order, sub-folders too.</summary>
internal static class InventorySourceFiles
{
    public static List<string> In(string folder)
    {
        var found = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name is "group_vars" or "host_vars")
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                found.AddRange(In(entry));
            }
            else if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
            {
                found.Add(entry);
            }
        }

        return found;
    }
}
