namespace Orchestrator.Modules.Files;

/// <summary>What copy and template ask <see cref="FileWriter"/> for: these bytes at this dest, with these attributes.</summary>
internal sealed record FileWriteRequest(string Destination, byte[] Content, FileAttributes Attributes)
{
    /// <summary>The source's file name, used when dest is a folder; null for copy's content.</summary>
    public string? SourceName { get; init; }

    /// <summary>The src argument, reported in the result.</summary>
    public string? Source { get; init; }

    /// <summary>False: leave an existing dest alone (Ansible's force: no).</summary>
    public bool Force { get; init; } = true;

    public bool Backup { get; init; }

    /// <summary>The validate command, with %s for the checked copy; null: none.</summary>
    public string? Validate { get; init; }
}
