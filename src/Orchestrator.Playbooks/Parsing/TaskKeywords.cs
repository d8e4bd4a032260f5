namespace Orchestrator.Playbooks.Parsing;

/// <summary>The task keywords we accept, grouped by which kind of task may carry them.</summary>
internal static class TaskKeywords
{
    /// <summary>Keywords of every task, block and include (<see cref="Model.TaskCommon"/>).</summary>
    public static readonly IReadOnlySet<string> Common = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "when", "tags", "become", "become_user", "vars", "environment", "ignore_errors", "no_log",
        "check_mode", "delegate_to", "run_once", "any_errors_fatal",
    };

    /// <summary>Keywords only a module task may carry.</summary>
    public static readonly IReadOnlySet<string> ModuleOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "register", "notify", "changed_when", "failed_when", "until", "retries", "delay", "args", "listen",
    };

    /// <summary>Keywords of module tasks and include_tasks.</summary>
    public static readonly IReadOnlySet<string> Loop = new HashSet<string>(StringComparer.Ordinal)
    {
        "loop", "with_items", "loop_control",
    };

    public static readonly IReadOnlySet<string> Block = new HashSet<string>(StringComparer.Ordinal)
    {
        "block", "rescue", "always",
    };

    /// <summary>Accepted and ignored: they change nothing we do (become_method must be sudo).</summary>
    public static readonly IReadOnlySet<string> Ignored = new HashSet<string>(StringComparer.Ordinal)
    {
        "become_method", "debugger",
    };

    public static readonly IReadOnlyList<string> All =
        [.. Common, .. ModuleOnly, .. Loop, .. Block, .. Ignored, "include_tasks", "import_tasks", "action", "local_action"];

    public static bool IsKeyword(string key) =>
        Common.Contains(key) || ModuleOnly.Contains(key) || Loop.Contains(key) || Block.Contains(key) || Ignored.Contains(key);
}
