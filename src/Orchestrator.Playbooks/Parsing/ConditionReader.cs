using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Condition keywords: expressions, not templates, checked with the engine's condition syntax.</summary>
internal static class ConditionReader
{
    /// <summary>when, changed_when, failed_when, until: a condition, a boolean, or a list of them (all must hold).</summary>
    public static IReadOnlyList<Expression> Read(ParseSession session, YScalar key, YNode value)
    {
        if (Describe.IsNull(value))
        {
            return [];
        }

        IReadOnlyList<YNode> items = value is YSequence sequence ? sequence.Items : [value];
        var result = new List<Expression>();
        foreach (var item in items)
        {
            var text = item is YScalar scalar && !Describe.IsNull(item) ? ConditionText(scalar) : null;
            if (text is null)
            {
                session.Error(item.Location, $"'{key.Value}' must be a condition (a string, a boolean or a list of them), not {Describe.Node(item)}");
                continue;
            }

            session.CheckCondition(text, item.Location);
            result.Add(new Expression(text, item.Location));
        }

        return result;
    }

    private static string? ConditionText(YScalar scalar) => scalar.ToPlain() switch
    {
        bool b => b ? "true" : "false",
        string s => s,
        long or double => scalar.Value,
        _ => null,
    };
}
