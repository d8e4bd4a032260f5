using System.Collections.Concurrent;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// The lines of source files <see cref="ErrorPlacement"/> reads, kept while the file is unchanged: placing every
/// variable reference of a large playbook would otherwise read the file once per reference.
/// </summary>
internal static class SourceLines
{
    private const int MaxFiles = 256;
    private static readonly ConcurrentDictionary<string, (DateTime Written, long Length, string[] Lines)> Files = new(StringComparer.Ordinal);

    /// <summary>The file's lines, or none when it cannot be read.</summary>
    public static IReadOnlyList<string> Of(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return [];
            }

            if (Files.TryGetValue(path, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length)
            {
                return known.Lines;
            }

            var lines = File.ReadAllLines(path);
            if (Files.Count >= MaxFiles)
            {
                Files.Clear();
            }

            Files[path] = (info.LastWriteTimeUtc, info.Length, lines);
            return lines;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
