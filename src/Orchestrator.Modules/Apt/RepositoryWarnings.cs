using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Apt;

/// <summary>What apt_repository points out without failing: no signed-by, a missing keyring, the same source elsewhere.</summary>
internal static class RepositoryWarnings
{
    public static IReadOnlyList<string> For(RepositoryRequest request, string path, string othersGrep, RemoteFileState? keyring)
    {
        var warnings = new List<string>();
        if (!request.Present)
        {
            return warnings;
        }

        var line = request.Line;
        if (line.SignedBy is null)
        {
            warnings.Add($"the source '{line.Text}' has no signed-by: apt trusts every key in /etc/apt/trusted.gpg(.d) for it; install its key with apt_key and give signed_by");
        }
        else if (keyring is { Exists: false })
        {
            warnings.Add($"signed-by keyring {line.SignedBy} does not exist on the host (yet): apt-get update will refuse the source until it does");
        }

        foreach (var file in Duplicates(line, path, othersGrep))
        {
            warnings.Add($"the same source is also configured in {file}: apt warns about duplicate sources and refuses differing signed-by values");
        }

        return warnings;
    }

    private static IEnumerable<string> Duplicates(SourceLine line, string path, string othersGrep)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var hit in othersGrep.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = hit.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || hit[..colon] == path)
            {
                continue;
            }

            var file = hit[..colon];
            var text = hit[(colon + 1)..];
            // deb822 files are not parsed: naming the URI and the suite is close enough for a warning.
            var same = file.EndsWith(".sources", StringComparison.Ordinal)
                ? text.TrimStart().StartsWith("URIs:", StringComparison.OrdinalIgnoreCase)
                : SourceLine.Parse(text).Line is { } other && other.Identity == line.Identity;
            if (same)
            {
                files.Add(file);
            }
        }

        return files;
    }
}
