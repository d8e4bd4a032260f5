using System.Globalization;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>The mode, owner and group a task asks for (each optional), compared with what a path has.</summary>
internal sealed record FileAttributes(string? Mode, string? Owner, string? Group)
{
    public static FileAttributes From(ModuleArguments arguments) =>
        new(arguments.GetString("mode"), arguments.GetString("owner"), arguments.GetString("group"));

    /// <summary>Why the mode cannot be used (a symbolic mode chmod would reject); null when it can.</summary>
    public string? Problem => Mode is null ? null : PermissionMode.Problem(Mode);

    public bool IsSymbolicMode => Mode is not null && !PermissionMode.IsOctal(Mode);

    /// <summary>The permissions the path will have, when they can be known before it exists.</summary>
    public int? TargetPermissions(RemoteFileState state) => Mode switch
    {
        null => state.Exists ? state.Permissions : null,
        _ when !IsSymbolicMode => PermissionMode.ParseOctal(Mode),
        _ => state.Exists ? PermissionMode.Apply(Mode, state.Permissions, state.IsDirectory) : null,
    };

    public bool ModeDiffers(RemoteFileState state) => Mode is not null && TargetPermissions(state) != state.Permissions;

    public bool OwnerDiffers(RemoteFileState state) => Owner is not null && !Same(Owner, state.Owner, state.Uid);

    public bool GroupDiffers(RemoteFileState state) => Group is not null && !Same(Group, state.Group, state.Gid);

    public bool Differ(RemoteFileState state) => ModeDiffers(state) || OwnerDiffers(state) || GroupDiffers(state);

    /// <summary>
    /// Shell commands (joined with &&) that give <paramref name="path"/> these attributes: chown first, since it may
    /// clear setuid bits that chmod then sets. Empty when nothing is to be done.
    /// </summary>
    /// <param name="state">What the path is now; a path that is absent now (created by the same command) gets every given attribute.</param>
    /// <param name="link">Change the link itself (chown -h), never its target; links have no mode of their own.</param>
    public string Commands(string path, RemoteFileState state, bool recursive = false, bool link = false)
    {
        var quotedPath = ShellQuote.Quote(path);
        var commands = new List<string>();
        var owner = Owner is not null && (recursive || !state.Exists || OwnerDiffers(state)) ? Owner : null;
        var group = Group is not null && (recursive || !state.Exists || GroupDiffers(state)) ? Group : null;
        var flags = (recursive ? "-R " : "") + (link ? "-h " : "");
        if (owner is not null)
        {
            var spec = group is null ? owner : owner + ":" + group;
            commands.Add($"chown {flags}-- {ShellQuote.Quote(spec)} {quotedPath}");
        }
        else if (group is not null)
        {
            commands.Add($"chgrp {flags}-- {ShellQuote.Quote(group)} {quotedPath}");
        }

        if (Mode is not null && !link && (recursive || !state.Exists || ModeDiffers(state)))
        {
            var mode = recursive || TargetPermissions(state) is not { } target ? PermissionMode.ExplicitSymbolic(Mode) : PermissionMode.Format(target);
            commands.Add($"chmod {(recursive ? "-R " : "")}-- {ShellQuote.Quote(mode)} {quotedPath}");
        }

        return string.Join(" && ", commands);
    }

    private static bool Same(string wanted, string name, long id) =>
        wanted == name || (long.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number == id);
}
