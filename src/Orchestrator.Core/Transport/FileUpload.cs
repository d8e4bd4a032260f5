namespace Orchestrator.Core.Transport;

/// <param name="Mode">Octal permission string such as "0644"; null keeps the old file's mode (or the umask default for a new file).</param>
public sealed record FileUpload(string Path, byte[] Content)
{
    public string? Mode { get; init; }

    public string? Owner { get; init; }

    public string? Group { get; init; }

    public BecomeOptions? Become { get; init; }
}
