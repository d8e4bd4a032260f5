using System.Text;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>One path on a <see cref="FakeHost"/>: a file, directory or link with its attributes.</summary>
public sealed record FakeEntry
{
    public string Type { get; init; } = "file";

    public string Mode { get; init; } = "0644";

    public string Owner { get; init; } = "root";

    public string Group { get; init; } = "root";

    public long Uid { get; init; }

    public long Gid { get; init; }

    public string? Content { get; init; }

    public byte[]? Bytes { get; init; }

    /// <summary>Where a link points.</summary>
    public string? Target { get; init; }

    public byte[] Data => Bytes ?? Encoding.UTF8.GetBytes(Content ?? "");

    public static FakeEntry Directory(string mode = "0755") => new() { Type = "directory", Mode = mode };
}
