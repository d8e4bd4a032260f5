namespace Orchestrator.Modules.Files;

/// <summary>The stat module's "stat" mapping, with Ansible's field names.</summary>
internal static class StatFields
{
    public static Dictionary<string, object?> From(RemoteFileState state)
    {
        if (!state.Exists)
        {
            return new Dictionary<string, object?>(StringComparer.Ordinal) { ["exists"] = false };
        }

        var mode = state.RawMode;
        var type = state.TypeBits;
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["exists"] = true,
            ["path"] = state.Path,
            ["mode"] = state.Mode,
            ["isdir"] = type == 0x4000,
            ["isreg"] = type == 0x8000,
            ["islnk"] = type == 0xA000,
            ["ischr"] = type == 0x2000,
            ["isblk"] = type == 0x6000,
            ["isfifo"] = type == 0x1000,
            ["issock"] = type == 0xC000,
            ["uid"] = state.Uid,
            ["gid"] = state.Gid,
            ["pw_name"] = state.Owner,
            ["gr_name"] = state.Group,
            ["size"] = state.Size,
            ["mtime"] = state.Mtime,
            ["atime"] = state.Atime,
            ["ctime"] = state.Ctime,
            ["inode"] = state.Inode,
            ["nlink"] = state.Links,
            ["dev"] = state.Device,
            ["isuid"] = (mode & 0x800) != 0,
            ["isgid"] = (mode & 0x400) != 0,
            ["rusr"] = (mode & 0x100) != 0,
            ["wusr"] = (mode & 0x80) != 0,
            ["xusr"] = (mode & 0x40) != 0,
            ["rgrp"] = (mode & 0x20) != 0,
            ["wgrp"] = (mode & 0x10) != 0,
            ["xgrp"] = (mode & 0x8) != 0,
            ["roth"] = (mode & 0x4) != 0,
            ["woth"] = (mode & 0x2) != 0,
            ["xoth"] = (mode & 0x1) != 0,
            ["readable"] = state.Access[0] == 'r',
            ["writeable"] = state.Access[1] == 'w',
            ["executable"] = state.Access[2] == 'x',
        };
        if (state.Checksum is not null)
        {
            fields["checksum"] = state.Checksum;
        }

        if (state.LinkTarget is not null)
        {
            fields["lnk_target"] = state.LinkTarget;
        }

        return fields;
    }
}
