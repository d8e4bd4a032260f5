namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>basename path</c> and <c>dirname path</c> with POSIX rules whatever the controller's OS, as Python's
/// posixpath does: "/a/b/" has basename "" and dirname "/a/b"; "file" has dirname "".
/// </summary>
internal static class PathHelpers
{
    public static object? Basename(HelperArguments args)
    {
        args.Expect(1, 1, "basename path");
        var path = args.Text(0);
        return path[(path.LastIndexOf('/') + 1)..];
    }

    public static object? Dirname(HelperArguments args)
    {
        args.Expect(1, 1, "dirname path");
        var path = args.Text(0);
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return "";
        }

        var head = path[..(slash + 1)];
        var trimmed = head.TrimEnd('/');
        return trimmed.Length == 0 ? head : trimmed;
    }
}
