using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>The command that creates a missing directory for the file module, its missing parents included.</summary>
internal static class NewDirectory
{
    /// <summary>
    /// <c>mkdir -p</c> when no attribute is asked for. Otherwise each folder of the path that is missing is created
    /// and given the mode, owner and group, parents included, as Ansible's file module does (<c>mkdir -p -m</c> would
    /// leave the parents with the umask's mode). Folders that exist are left as they are.
    /// </summary>
    public static string Command(string path, FileAttributes attributes)
    {
        if (attributes is { Mode: null, Owner: null, Group: null })
        {
            return $"mkdir -p -- {ShellQuote.Quote(path)}";
        }

        var steps = Folders(path).Select(folder => $"{{ [ -d {ShellQuote.Quote(folder)} ] || {Create(folder, attributes)}; }}");
        return string.Join(" && ", steps);
    }

    // "/a/b/c" → "/a", "/a/b", "/a/b/c"; "a/b" → "a", "a/b" (empty parts, as in "a//b", are skipped).
    private static IEnumerable<string> Folders(string path)
    {
        var current = path.StartsWith('/') ? "/" : "";
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = RemotePath.Combine(current, part);
            yield return current;
        }
    }

    private static string Create(string folder, FileAttributes attributes)
    {
        var quoted = ShellQuote.Quote(folder);
        var absent = RemoteFileState.Absent(folder);

        // Its parent exists by now, so the helper's mkdir -p -m (one process, or none) creates this folder alone with
        // the mode. A plain mode only: chown could clear special bits, so not with an owner or group.
        if (attributes is { Owner: null, Group: null } && attributes.TargetPermissions(absent) is { } mode && mode <= 0x1FF)
        {
            return "{ " + SessionHelper.MakeDirectory(PermissionMode.Format(mode), quoted) + "; }";
        }

        return $"{{ mkdir -- {quoted} && {attributes.Commands(folder, absent)}; }}";
    }
}
