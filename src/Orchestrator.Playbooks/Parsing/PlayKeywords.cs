namespace Orchestrator.Playbooks.Parsing;

internal static class PlayKeywords
{
    public static readonly IReadOnlyList<string> Supported =
    [
        "name", "hosts", "vars", "vars_files", "gather_facts", "become", "become_user", "serial", "max_fail_percentage",
        "any_errors_fatal", "pre_tasks", "roles", "tasks", "post_tasks", "handlers", "tags", "environment", "check_mode",
    ];

    /// <summary>Accepted with the one value that means what we do anyway; any other value is an error.</summary>
    public static readonly IReadOnlyDictionary<string, string> FixedValue = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["strategy"] = "linear",
        ["order"] = "inventory",
    };

    /// <summary>Accepted and ignored: they change nothing we do (facts are always gathered in full).</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "gather_subset", "gather_timeout", "collections",
    };

    public static IEnumerable<string> All => Supported.Concat(FixedValue.Keys).Concat(Ignored);
}
