using System.Text;

namespace Orchestrator.Modules.Files;

/// <summary>The before/after text of the file module's diff: the state and each attribute the task sets.</summary>
internal static class StateDiff
{
    public static FileDiff Build(string path, RemoteFileState before, string afterState, FileAttributes attributes, string? linkTarget = null)
    {
        var beforeText = new StringBuilder().Append("path: ").Append(path).Append('\n').Append("state: ").Append(before.StateName).Append('\n');
        var afterText = new StringBuilder().Append("path: ").Append(path).Append('\n').Append("state: ").Append(afterState).Append('\n');
        if (before.IsLink || linkTarget is not null)
        {
            Line(beforeText, "src", before.LinkTarget);
            Line(afterText, "src", linkTarget);
        }

        if (afterState != "absent")
        {
            if (attributes.Mode is not null)
            {
                Line(beforeText, "mode", before.Exists ? before.Mode : null);
                Line(afterText, "mode", attributes.TargetPermissions(before) is { } target ? PermissionMode.Format(target) : attributes.Mode);
            }

            if (attributes.Owner is not null)
            {
                Line(beforeText, "owner", before.Exists ? before.Owner : null);
                Line(afterText, "owner", attributes.Owner);
            }

            if (attributes.Group is not null)
            {
                Line(beforeText, "group", before.Exists ? before.Group : null);
                Line(afterText, "group", attributes.Group);
            }
        }

        return new FileDiff(path, beforeText.ToString(), afterText.ToString());
    }

    private static void Line(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append(name).Append(": ").Append(value).Append('\n');
        }
    }
}
