namespace Orchestrator.Modules.Files;

/// <summary>What the file module must do for one path: nothing (empty command), a shell command, or fail.</summary>
/// <param name="Before">The state the diff and the attributes compare with (the link's target when following).</param>
internal sealed record FileChange(string State, RemoteFileState Before, string Command)
{
    public string? Error { get; init; }

    /// <summary>The link's target (state=link).</summary>
    public string? LinkTarget { get; init; }

    public static FileChange Failure(string state, RemoteFileState before, string error) => new(state, before, "") { Error = error };
}
