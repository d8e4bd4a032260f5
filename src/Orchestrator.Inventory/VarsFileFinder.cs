namespace Orchestrator.Inventory;

/// <summary>
/// Finds the files of <c>group_vars/NAME</c> or <c>host_vars/NAME</c> as Ansible does: the first that exists of
/// NAME (a file, or a folder whose files are read recursively in sorted order), NAME.yml, NAME.yaml, NAME.json.
/// </summary>
internal static class VarsFileFinder
{
    private static readonly string[] Extensions = [".yml", ".yaml", ".json"];

    public static IReadOnlyList<string> Find(string folder, string name)
    {
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return [];
        }

        foreach (var candidate in new[] { name }.Concat(Extensions.Select(e => name + e)))
        {
            var path = Path.Combine(folder, candidate);
            if (Directory.Exists(path))
            {
                return FilesIn(path);
            }

            if (File.Exists(path))
            {
                return [path];
            }
        }

        return [];
    }

    private static List<string> FilesIn(string folder)
    {
        var found = new List<string>();
        var entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var entryName = Path.GetFileName(entry);
            if (entryName.StartsWith('.') || entryName.EndsWith('~'))
            {
                continue;
            }

            var extension = Path.GetExtension(entryName);
            if (Directory.Exists(entry) && extension.Length == 0)
            {
                found.AddRange(FilesIn(entry));
            }
            else if (File.Exists(entry) && (extension.Length == 0 || Extensions.Contains(extension, StringComparer.Ordinal)))
            {
                found.Add(entry);
            }
        }

        return found;
    }
}
