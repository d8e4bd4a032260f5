using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Evaluates lists of conditions (all must hold), as when/changed_when/failed_when/until use them.</summary>
internal static class ExpressionGuard
{
    public static bool All(RunContext run, IReadOnlyList<Expression> conditions, IReadOnlyDictionary<string, object?> vars)
    {
        foreach (var condition in conditions)
        {
            if (!run.Templates.EvaluateCondition(condition.Text, vars, condition.Location))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first condition that does not hold, for skip reasons and messages.</summary>
    public static Expression? FirstFalse(RunContext run, IReadOnlyList<Expression> conditions, IReadOnlyDictionary<string, object?> vars) =>
        conditions.FirstOrDefault(c => !run.Templates.EvaluateCondition(c.Text, vars, c.Location));

    public static string OneLine(UserErrorException error) =>
        string.Join("; ", error.Diagnostics.Select(d => d.Location.IsKnown ? $"{d.Location}: {d.Message}" : d.Message));
}
