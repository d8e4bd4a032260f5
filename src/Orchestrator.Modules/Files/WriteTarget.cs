namespace Orchestrator.Modules.Files;

/// <summary>The file copy/template will write, what is there now, and a folder to create first (dest ending in '/').</summary>
internal sealed record WriteTarget(string Path, RemoteFileState State, string? DirectoryToCreate);
