using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>How a written value is named in messages: 'abc' for a scalar, "a mapping" or "a list" otherwise.</summary>
internal static class Describe
{
    public static string Node(YNode node) => node switch
    {
        YScalar { Value: "", IsQuoted: false } => "nothing",
        YScalar scalar => $"'{scalar.Value}'",
        _ => node.KindName,
    };

    public static bool IsNull(YNode node) => node is YScalar { IsQuoted: false, Tag: null } scalar && scalar.ToPlain() is null;
}
