using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Inventory;

/// <summary>Reads one group_vars/host_vars file: empty is nothing, otherwise it must be a mapping of variables.</summary>
internal static class VarsFileReader
{
    public static VariableSet? Read(string path, YamlValues.TagResolver? tagResolver, List<Diagnostic> problems)
    {
        IReadOnlyList<YNode> documents;
        try
        {
            documents = YamlLoader.LoadFile(path, null, tagResolver);
        }
        catch (UserErrorException ex)
        {
            problems.AddRange(ex.Diagnostics);
            return null;
        }

        if (documents.Count > 1)
        {
            problems.Add(new Diagnostic(documents[1].Location, "a vars file holds one YAML document; remove the second '---'"));
        }

        return documents.Count == 0 ? null : documents[0] switch
        {
            YMapping mapping => VariableReader.Read(mapping, tagResolver, problems),
            YScalar { IsQuoted: false } scalar when scalar.ToPlain() is null => null,
            var other => Problem(problems, other),
        };
    }

    private static VariableSet? Problem(List<Diagnostic> problems, YNode node)
    {
        problems.Add(new Diagnostic(node.Location, $"a vars file must be a mapping of variables, not {PlainValues.KindOf(node)}"));
        return null;
    }
}
