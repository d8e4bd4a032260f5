namespace Orchestrator.Modules.Files;

/// <summary>POSIX path arithmetic for host paths (the controller's own Path class may not be POSIX).</summary>
internal static class RemotePath
{
    public static string Combine(string directory, string name) =>
        directory.Length == 0 ? name
        : directory.EndsWith('/') ? directory + name
        : directory + "/" + name;

    /// <summary>The folder holding <paramref name="path"/>: "/etc" for "/etc/hosts", "." for "hosts", "/" for "/x".</summary>
    public static string Parent(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        var slash = trimmed.LastIndexOf('/');
        return slash switch
        {
            < 0 => ".",
            0 => "/",
            _ => trimmed[..slash],
        };
    }

    /// <summary>The last part of a path, "hosts" for "/etc/hosts" or "templates/hosts.j2" → "hosts.j2".</summary>
    public static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        var slash = trimmed.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>A directory named with a trailing slash, without it ("/" stays "/").</summary>
    public static string WithoutTrailingSlash(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length == 0 ? "/" : trimmed;
    }
}
