using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Files;

/// <summary>The argument declarations copy, template and file share, so they read the same in every module.</summary>
internal static class FileArguments
{
    public static ArgumentSpec Mode { get; } = new(
        "mode", ArgumentType.Mode, "Permissions: octal as a quoted string ('0644') or symbolic ('u=rw,g=r,o=r', 'u+rwX'). Default: keep the current mode (umask for new paths).");

    public static ArgumentSpec Owner { get; } = new("owner", ArgumentType.String, "User name (or uid) that should own the path.");

    public static ArgumentSpec Group { get; } = new("group", ArgumentType.String, "Group name (or gid) that should own the path.");

    public static ArgumentSpec Backup { get; } = new(
        "backup", ArgumentType.Bool, "Before replacing a file, keep a copy named <dest>.<pid>.<date@time>~ (reported as backup_file).") { Default = false };

    public static ArgumentSpec Validate { get; } = new(
        "validate", ArgumentType.String,
        "A command that checks the new content before it replaces the file, run on the host with %s standing for a temporary copy (e.g. 'visudo -cf %s'); a non-zero exit fails the task and leaves the file as it was. Not run in check mode.");

    public static ArgumentSpec Force { get; } = new(
        "force", ArgumentType.Bool, "Replace a dest whose content differs; false = only write dest when it does not exist.") { Default = true, Aliases = ["thirsty"] };

    public static IReadOnlyList<ArgumentSpec> Attributes { get; } = [Mode, Owner, Group];
}
