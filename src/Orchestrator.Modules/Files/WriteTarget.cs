namespace Orchestrator.Modules.Files;

/// <summary>The file copy/template will write, what is there now, and a folder to create first (dest ending in '/').</summary>
internal sealed record WriteTarget(string Path, RemoteFileState State, string? DirectoryToCreate)
{
    /// <summary>
    /// The dest's folder does not exist. Writing fails, as in Ansible, but only when applied: in check mode an
    /// earlier task that would create the folder has not run, so the honest prediction is "would change".
    /// </summary>
    public string? MissingDirectory { get; init; }

    /// <summary>The folder the file is in, when it exists: a setgid one gives a new file its group.</summary>
    public RemoteFileState? Folder { get; init; }

    /// <summary>What the probe learnt for predicting the owner, group and mode the write leaves.</summary>
    public WriteIdentity Identity { get; init; } = WriteIdentity.None;
}
