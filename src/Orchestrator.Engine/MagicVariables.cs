namespace Orchestrator.Engine;

/// <summary>
/// Names the engine itself defines, for <see cref="UndefinedVariableCheck"/>. Keep in step with
/// <see cref="VariableBuilder"/> (magic variables and facts), <see cref="LoopItems"/> (loop variables) and
/// <see cref="TaskWalker"/> (what a failure leaves behind).
/// </summary>
internal static class MagicVariables
{
    /// <summary>Defined for every task of every host.</summary>
    public static readonly IReadOnlyList<string> Always =
    [
        "facts", "inventory_hostname", "inventory_hostname_short", "groups", "group_names", "hostvars", "play_hosts",
        "ansible_play_hosts", "ansible_play_batch", "ansible_play_hosts_all", "ansible_check_mode", "ansible_diff_mode",
        "playbook_dir",

        // Set on a host when one of its tasks fails; read in rescue/always. Known everywhere: the check does not
        // follow the order of tasks.
        "ansible_failed_task", "ansible_failed_result",
    ];

    /// <summary>Defined inside a looping task or include, besides its loop_var and index_var.</summary>
    public static readonly IReadOnlyList<string> Loop = ["ansible_loop_var", "ansible_loop"];
}
