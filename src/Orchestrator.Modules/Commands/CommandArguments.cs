using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Commands;

/// <summary>The arguments command and shell both take.</summary>
internal static class CommandArguments
{
    public static IReadOnlyList<ArgumentSpec> Common { get; } =
    [
        new ArgumentSpec("chdir", ArgumentType.Path, "Change into this directory before running (creates/removes are relative to it)."),
        new ArgumentSpec("creates", ArgumentType.Path, "A path: when it exists, the command is not run (ok, not changed). Check mode reports changed when the command would run."),
        new ArgumentSpec("removes", ArgumentType.Path, "A path: when it does not exist, the command is not run (ok, not changed). Check mode reports changed when the command would run."),
        new ArgumentSpec("stdin", ArgumentType.String, "Text fed to the command's standard input."),
        new ArgumentSpec("stdin_add_newline", ArgumentType.Bool, "Append a newline to stdin.") { Default = true },
        new ArgumentSpec("strip_empty_ends", ArgumentType.Bool, "Remove trailing newlines from stdout and stderr in the result.") { Default = true },
    ];
}
