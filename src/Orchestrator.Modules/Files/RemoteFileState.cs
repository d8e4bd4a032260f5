using System.Globalization;

namespace Orchestrator.Modules.Files;

/// <summary>What one path on the host is, as <see cref="RemoteProbe.AddFile"/> found it (GNU stat fields).</summary>
internal sealed record RemoteFileState(string Path, RemoteFileKind Kind)
{
    private const int TypeMask = 0xF000;

    /// <summary>Why the path could not be inspected (it exists, but stat failed).</summary>
    public string? Error { get; init; }

    /// <summary>The whole st_mode, type bits included.</summary>
    public int RawMode { get; init; }

    /// <summary>Permission bits including setuid/setgid/sticky (07777).</summary>
    public int Permissions => RawMode & 0xFFF;

    public string Mode => PermissionMode.Format(Permissions);

    public long Uid { get; init; }

    public long Gid { get; init; }

    public string Owner { get; init; } = "";

    public string Group { get; init; } = "";

    public long Size { get; init; }

    public long Mtime { get; init; }

    public long Atime { get; init; }

    public long Ctime { get; init; }

    public long Inode { get; init; }

    public long Links { get; init; }

    public long Device { get; init; }

    /// <summary>Access of the probing user ("rwx" with '-' for what is missing).</summary>
    public string Access { get; init; } = "---";

    public string? Checksum { get; init; }

    public string? LinkTarget { get; init; }

    public bool Exists => Kind != RemoteFileKind.Absent;

    public bool IsFile => Kind == RemoteFileKind.File;

    public bool IsDirectory => Kind == RemoteFileKind.Directory;

    public bool IsLink => Kind == RemoteFileKind.Link;

    public int TypeBits => RawMode & TypeMask;

    /// <summary>Ansible's word for the state of a path: file, directory, link, absent (or "special").</summary>
    public string StateName => Kind switch
    {
        RemoteFileKind.Absent => "absent",
        RemoteFileKind.File => "file",
        RemoteFileKind.Directory => "directory",
        RemoteFileKind.Link => "link",
        _ => "special",
    };

    public static RemoteFileState Absent(string path) => new(path, RemoteFileKind.Absent);

    public static RemoteFileState Parse(string path, string record)
    {
        if (record == "A")
        {
            return Absent(path);
        }

        var statLine = record[..IndexOfLineEnd(record, 0)];
        if (record.StartsWith('X') || !statLine.StartsWith("S ", StringComparison.Ordinal) || statLine.Split(' ').Length != 14)
        {
            var error = record.StartsWith('X') ? record[1..].Trim() : "unexpected answer: " + record;
            return new RemoteFileState(path, RemoteFileKind.Other) { Error = error };
        }

        var state = FromStatLine(path, statLine);
        var position = statLine.Length + 1;
        while (position < record.Length)
        {
            var end = IndexOfLineEnd(record, position);
            var line = record[position..end];
            if (line.StartsWith('L'))
            {
                // The link target is the rest of the record: it may itself contain newlines.
                var target = record[(position + 1)..];
                return state with { LinkTarget = target.EndsWith('\n') ? target[..^1] : target };
            }

            state = line switch
            {
                ['P', ' ', ..] => state with { Access = line[2..] },
                ['C', ' ', ..] => state with { Checksum = line[2..].Length > 0 ? line[2..] : null },
                _ => state,
            };
            position = end + 1;
        }

        return state;
    }

    private static RemoteFileState FromStatLine(string path, string line)
    {
        // S %f %a %u %g %U %G %s %Y %X %Z %i %h %d
        var fields = line.Split(' ');
        var rawMode = int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new RemoteFileState(path, KindOf(rawMode))
        {
            RawMode = rawMode,
            Uid = Number(fields[3]),
            Gid = Number(fields[4]),
            Owner = fields[5],
            Group = fields[6],
            Size = Number(fields[7]),
            Mtime = Number(fields[8]),
            Atime = Number(fields[9]),
            Ctime = Number(fields[10]),
            Inode = Number(fields[11]),
            Links = Number(fields[12]),
            Device = Number(fields[13]),
        };
    }

    private static RemoteFileKind KindOf(int rawMode) => (rawMode & TypeMask) switch
    {
        0x8000 => RemoteFileKind.File,
        0x4000 => RemoteFileKind.Directory,
        0xA000 => RemoteFileKind.Link,
        _ => RemoteFileKind.Other,
    };

    private static long Number(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static int IndexOfLineEnd(string text, int start)
    {
        var index = text.IndexOf('\n', start);
        return index < 0 ? text.Length : index;
    }
}
