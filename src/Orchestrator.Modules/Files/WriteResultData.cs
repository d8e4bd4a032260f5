using System.Globalization;

namespace Orchestrator.Modules.Files;

/// <summary>
/// copy/template's registered fields, with Ansible's names (copy's RETURN: dest, src, checksum, size, state, mode,
/// owner, group, uid, gid), as they are after the write. They are predicted, not asked again (a round trip more):
/// from the values before, what the task asks for, and for a new file what the probe learnt of the writing user
/// (<see cref="WriteIdentity"/>). A value that cannot be known is left out rather than guessed.
/// </summary>
internal static class WriteResultData
{
    private const int ReadWriteForAll = 0x1B6; // 0666: what the upload creates a file with before the umask

    private const int SetGid = 0x400; // 02000 on a folder: new files get its group

    public static Dictionary<string, object?> Build(FileWriteRequest request, WriteTarget target, string checksum)
    {
        var state = target.State;
        var attributes = request.Attributes;
        var data = Common(request, target, checksum, request.Content.Length);
        Add(data, "mode", (attributes.TargetPermissions(state) ?? NewFilePermissions(attributes, target)) is { } permissions ? PermissionMode.Format(permissions) : null);
        var (owner, uid) = Owner(attributes, target);
        var (group, gid) = Group(attributes, target);
        Add(data, "owner", owner);
        Add(data, "group", group);
        Add(data, "uid", uid);
        Add(data, "gid", gid);
        return data;
    }

    /// <summary>A file left as it is (force: no): what it is now.</summary>
    public static Dictionary<string, object?> Existing(FileWriteRequest request, WriteTarget target, string checksum)
    {
        var state = target.State;
        var data = Common(request, target, state.Checksum ?? checksum, state.Size);
        data["mode"] = state.Mode;
        data["owner"] = state.Owner;
        data["group"] = state.Group;
        data["uid"] = state.Uid;
        data["gid"] = state.Gid;
        return data;
    }

    private static Dictionary<string, object?> Common(FileWriteRequest request, WriteTarget target, string checksum, long size)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["dest"] = target.Path,
            ["checksum"] = checksum,
            ["size"] = size,
            ["state"] = "file",
        };
        Add(data, "src", request.Source);
        return data;
    }

    // A new file gets 0666 minus the writing user's umask; a symbolic mode then applies to that.
    private static int? NewFilePermissions(FileAttributes attributes, WriteTarget target)
    {
        if (target.State.Exists || target.Identity.Umask is not { } umask)
        {
            return null;
        }

        var created = ReadWriteForAll & ~umask;
        return attributes.Mode is { } mode ? PermissionMode.Apply(mode, created, isDirectory: false) : created;
    }

    private static (string? Name, long? Id) Owner(FileAttributes attributes, WriteTarget target)
    {
        var state = target.State;
        if (attributes.Owner is { } wanted && (!state.Exists || attributes.OwnerDiffers(state)))
        {
            return Wanted(wanted, target.Identity.Owner);
        }

        return state.Exists ? (state.Owner, state.Uid) : (target.Identity.Writer?.Name, target.Identity.Writer?.Id);
    }

    private static (string? Name, long? Id) Group(FileAttributes attributes, WriteTarget target)
    {
        var state = target.State;
        if (attributes.Group is { } wanted && (!state.Exists || attributes.GroupDiffers(state)))
        {
            return Wanted(wanted, target.Identity.Group);
        }

        if (state.Exists)
        {
            return (state.Group, state.Gid);
        }

        return target.Folder is { IsDirectory: true } folder && (folder.Permissions & SetGid) != 0
            ? (folder.Group, folder.Gid)
            : (target.Identity.WriterGroup?.Name, target.Identity.WriterGroup?.Id);
    }

    // What the host said about a wanted owner or group; failing that, the half the task itself gives.
    private static (string? Name, long? Id) Wanted(string wanted, HostAccount? found) =>
        found is not null ? (found.Name, found.Id)
        : long.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (null, id)
        : (wanted, null);

    private static void Add(Dictionary<string, object?> data, string key, object? value)
    {
        if (value is not null)
        {
            data[key] = value;
        }
    }
}
