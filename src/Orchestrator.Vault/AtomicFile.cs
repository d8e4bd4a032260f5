using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Vault;

/// <summary>
/// Replaces a file's content all at once: a temporary file in the same folder (created 0600, so the
/// content is never readable by others meanwhile), given the old file's mode, then renamed over it.
/// A reader sees the old content or the new, never half of it.
/// </summary>
internal static class AtomicFile
{
    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var target = RealPath(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = PrivateMode;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new UserErrorException(new SourceLocation(path, 0, 0), $"cannot write {path}: {ex.Message}", ExitCodes.OtherError);
        }
    }

    /// <summary>The file a symbolic link finally points at, so the link itself stays a link.</summary>
    public static string RealPath(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original file is untouched either way.
        }
    }
}
