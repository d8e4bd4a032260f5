namespace Orchestrator.Modules.Files;

/// <summary>copy/template's registered fields, with Ansible's names, as they are after the write.</summary>
internal static class WriteResultData
{
    public static Dictionary<string, object?> Build(FileWriteRequest request, WriteTarget target, string checksum)
    {
        var state = target.State;
        var attributes = request.Attributes;
        var data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["dest"] = target.Path,
            ["checksum"] = checksum,
            ["size"] = (long)request.Content.Length,
            ["state"] = "file",
        };
        if (request.Source is not null)
        {
            data["src"] = request.Source;
        }

        if (attributes.TargetPermissions(state) is { } permissions)
        {
            data["mode"] = PermissionMode.Format(permissions);
        }

        if ((attributes.Owner ?? (state.Exists ? state.Owner : null)) is { } owner)
        {
            data["owner"] = owner;
        }

        if ((attributes.Group ?? (state.Exists ? state.Group : null)) is { } group)
        {
            data["group"] = group;
        }

        if (state.Exists && !attributes.OwnerDiffers(state))
        {
            data["uid"] = state.Uid;
        }

        if (state.Exists && !attributes.GroupDiffers(state))
        {
            data["gid"] = state.Gid;
        }

        return data;
    }
}
