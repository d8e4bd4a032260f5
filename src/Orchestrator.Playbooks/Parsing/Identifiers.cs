using System.Text.RegularExpressions;

namespace Orchestrator.Playbooks.Parsing;

internal static partial class Identifiers
{
    /// <summary>A variable name as Ansible accepts it (register, loop_var, vars keys).</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Pattern();
}
