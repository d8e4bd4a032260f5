using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>The <c>group_vars/</c> and <c>host_vars/</c> of one folder, read for the groups and hosts that exist.</summary>
internal sealed class VarsDirectory
{
    private readonly Dictionary<string, VariableSet> groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VariableSet> hosts = new(StringComparer.Ordinal);

    private VarsDirectory()
    {
    }

    public static VarsDirectory Load(
        string folder,
        IEnumerable<string> groupNames,
        IEnumerable<string> hostNames,
        YamlValues.TagResolver? tagResolver,
        List<Diagnostic> problems)
    {
        var result = new VarsDirectory();
        ReadAll(Path.Combine(folder, "group_vars"), groupNames, result.groups, tagResolver, problems);
        ReadAll(Path.Combine(folder, "host_vars"), hostNames, result.hosts, tagResolver, problems);
        return result;
    }

    public VariableSet? ForGroup(string name) => groups.GetValueOrDefault(name);

    public VariableSet? ForHost(string name) => hosts.GetValueOrDefault(name);

    private static void ReadAll(
        string folder,
        IEnumerable<string> names,
        Dictionary<string, VariableSet> into,
        YamlValues.TagResolver? tagResolver,
        List<Diagnostic> problems)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var name in names)
        {
            var files = VarsFileFinder.Find(folder, name);
            if (files.Count == 0)
            {
                continue;
            }

            var merged = new VariableSet();
            foreach (var file in files)
            {
                merged.MergeFrom(VarsFileReader.Read(file, tagResolver, problems));
            }

            into[name] = merged;
        }
    }
}
