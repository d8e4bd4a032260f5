using System.Globalization;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>
/// For file's recurse: the distinct (type, mode, owner, group) combinations below a directory, so one short answer
/// tells whether any path needs chmod/chown -R. Links are left out, as chmod -R and chown -R leave them alone.
/// </summary>
internal static class RecursiveListing
{
    public static string Script(string path) =>
        $"find -- {ShellQuote.Quote(path)} ! -type l -printf '%y %m %u %g %U %G\\n' | sort -u";

    public static bool AnyDiffers(string listing, FileAttributes attributes, string path) =>
        listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => Entry(line, path)).Any(attributes.Differ);

    private static RemoteFileState Entry(string line, string path)
    {
        // %y %m %u %g %U %G
        var fields = line.Split(' ');
        var isDirectory = fields[0] == "d";
        var permissions = Convert.ToInt32(fields[1], 8);
        return new RemoteFileState(path, isDirectory ? RemoteFileKind.Directory : RemoteFileKind.File)
        {
            RawMode = (isDirectory ? 0x4000 : 0x8000) | permissions,
            Owner = fields[2],
            Group = fields[3],
            Uid = long.Parse(fields[4], CultureInfo.InvariantCulture),
            Gid = long.Parse(fields[5], CultureInfo.InvariantCulture),
        };
    }
}
