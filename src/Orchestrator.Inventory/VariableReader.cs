using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>Turns a YAML mapping of variables into a <see cref="VariableSet"/>, collecting problems instead of stopping.</summary>
internal static class VariableReader
{
    public static VariableSet Read(YMapping mapping, YamlValues.TagResolver? tagResolver, List<Diagnostic> problems)
    {
        var variables = new VariableSet();
        foreach (var (key, node) in mapping.Entries)
        {
            if (key.Value.Length == 0)
            {
                problems.Add(new Diagnostic(key.Location, "a variable name cannot be empty"));
                continue;
            }

            try
            {
                variables.Set(key.Value, YamlValues.ToPlain(node, tagResolver), key.Location);
            }
            catch (UserErrorException ex)
            {
                problems.AddRange(ex.Diagnostics);
            }
        }

        return variables;
    }
}
