namespace Orchestrator.Modules.Files;

/// <summary>The file module's registered result, with the keys Ansible's file module returns for each state.</summary>
internal static class FileResultData
{
    public static Dictionary<string, object?> From(FileRequest request, FileChange change)
    {
        // Ansible names the path "dest" for links and touch ("path" for the other states), and reports a link's
        // own mode (lstat), which is always 0777 on Linux, whatever mode the task gave its target.
        var isLink = change.State == "link";
        var pathKey = isLink || request.State == "touch" ? "dest" : "path";
        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { [pathKey] = request.Path, ["state"] = change.State };
        if (change.LinkTarget is not null)
        {
            data["src"] = change.LinkTarget;
        }

        if (change.State == "absent")
        {
            return data;
        }

        var before = change.Before;
        if (isLink)
        {
            data["mode"] = "0777";
        }
        else if (request.Attributes.TargetPermissions(before) is { } permissions)
        {
            data["mode"] = PermissionMode.Format(permissions);
        }

        if ((request.Attributes.Owner ?? (before.Exists ? before.Owner : null)) is { } owner)
        {
            data["owner"] = owner;
        }

        if ((request.Attributes.Group ?? (before.Exists ? before.Group : null)) is { } group)
        {
            data["group"] = group;
        }

        return data;
    }
}
