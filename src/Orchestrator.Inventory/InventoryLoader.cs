using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>Loads Ansible-style YAML inventories.</summary>
public static class InventoryLoader
{
    /// <summary>
    /// Loads inventory sources in order (later definitions of the same variable win).
    /// A file is read as a YAML inventory and its folder's group_vars/ and host_vars/ apply; a directory
    /// contributes every *.yaml/*.yml below it (sorted; group_vars/ and host_vars/ skipped) and its own
    /// group_vars/ and host_vars/.
    /// </summary>
    /// <param name="playbookDirectory">Its group_vars/ and host_vars/ are read too and win over the inventory-side ones.</param>
    /// <param name="tagResolver">Passed to <see cref="YamlValues.ToPlain"/> for tagged values such as !vault.</param>
    /// <exception cref="UserErrorException">
    /// Every problem found in all sources at once (exit code 4); a path that does not exist is exit code 5.
    /// </exception>
    public static HostInventory Load(IReadOnlyList<string> paths, string? playbookDirectory = null, YamlValues.TagResolver? tagResolver = null)
    {
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p))
            .Select(p => new Diagnostic(new SourceLocation(p, 0, 0), $"inventory '{p}' does not exist"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new UserErrorException(missing, ExitCodes.BadOptions);
        }

        var draft = new InventoryDraft();
        var reader = new YamlInventoryReader(draft, tagResolver);
        var varsFolders = new List<string>();
        foreach (var path in paths)
        {
            var isFolder = Directory.Exists(path);
            var folder = isFolder ? path : Path.GetDirectoryName(path) is { Length: > 0 } parent ? parent : ".";
            if (!varsFolders.Any(f => SameFolder(f, folder)))
            {
                varsFolders.Add(folder);
            }

            foreach (var file in isFolder ? InventorySourceFiles.In(path) : [path])
            {
                reader.ReadFile(file);
            }
        }

        return InventoryAssembler.Assemble(draft, varsFolders, playbookDirectory, tagResolver);
    }

    /// <summary>
    /// The inventory used when none is given: host "localhost" with ansible_connection=local, in "ungrouped".
    /// The optional arguments let group_vars/ and host_vars/ beside the playbook still apply.
    /// </summary>
    public static HostInventory Localhost(string? playbookDirectory = null, YamlValues.TagResolver? tagResolver = null)
    {
        var draft = new InventoryDraft();
        var host = draft.AddHost("localhost", SourceLocation.None, draft.Group(InventoryDraft.UngroupedGroup, SourceLocation.None));
        host.Variables.Set("ansible_connection", "local", SourceLocation.None);
        return InventoryAssembler.Assemble(draft, [], playbookDirectory, tagResolver);
    }

    internal static bool SameFolder(string a, string b) =>
        string.Equals(Path.GetFullPath(a).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(b).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
