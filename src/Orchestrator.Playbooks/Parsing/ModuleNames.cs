namespace Orchestrator.Playbooks.Parsing;

internal static class ModuleNames
{
    private static readonly string[] Prefixes = ["ansible.builtin.", "ansible.legacy."];

    /// <summary>"ansible.builtin.copy" and "ansible.legacy.copy" are "copy".</summary>
    public static string Canonical(string name)
    {
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }
}
