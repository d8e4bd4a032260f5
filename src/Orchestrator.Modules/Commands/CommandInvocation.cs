using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Commands;

/// <summary>What command and shell hand to <see cref="CommandRunner"/>.</summary>
/// <param name="Script">Shell code that runs the command (words already quoted).</param>
/// <param name="Display">The registered "cmd": the argument list (command) or the text (shell).</param>
internal sealed record CommandInvocation(string Script, object Display)
{
    public string? Chdir { get; init; }

    /// <summary>command's program (its first word), checked before it runs so that "cannot start" reads as in Ansible; null for shell.</summary>
    public string? Program { get; init; }

    public string? Creates { get; init; }

    public string? Removes { get; init; }

    public byte[]? Stdin { get; init; }

    public bool StripEmptyEnds { get; init; } = true;

    /// <summary>Reads chdir, creates, removes, stdin, stdin_add_newline and strip_empty_ends, which command and shell share.</summary>
    public CommandInvocation WithCommonArguments(ModuleArguments arguments)
    {
        var stdin = arguments.GetString("stdin");
        if (stdin is not null && arguments.GetBool("stdin_add_newline", fallback: true))
        {
            stdin += "\n";
        }

        return this with
        {
            Chdir = arguments.GetString("chdir"),
            Creates = arguments.GetString("creates"),
            Removes = arguments.GetString("removes"),
            Stdin = stdin is null ? null : Files.TextContent.Encode(stdin),
            StripEmptyEnds = arguments.GetBool("strip_empty_ends", fallback: true),
        };
    }
}
