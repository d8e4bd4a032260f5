using System.CommandLine;

namespace Orchestrator.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Inventory() => new("--inventory", "-i")
    {
        Description = "YAML inventory file or directory (repeatable); default ./inventory.yaml",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string?> VaultPasswordFile() => new("--vault-password-file")
    {
        Description = "file holding the vault password",
    };

    /// <summary>-v, -vv, -vvv as Ansible writes them.</summary>
    public static (Option<bool> V1, Option<bool> V2, Option<bool> V3) Verbosity() => (
        new Option<bool>("-v", "--verbose") { Description = "more detail: task results" },
        new Option<bool>("-vv") { Description = "even more: commands and their output" },
        new Option<bool>("-vvv") { Description = "everything, including ssh traffic and stack traces" });

    public static int VerbosityOf(ParseResult result, (Option<bool> V1, Option<bool> V2, Option<bool> V3) options) =>
        result.GetValue(options.V3) ? 3 : result.GetValue(options.V2) ? 2 : result.GetValue(options.V1) ? 1 : 0;

    public static IReadOnlyList<string> CommaList(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
