using System.Runtime.InteropServices;

namespace Orchestrator.Transport.Ssh;

/// <summary>
/// The owner and mode of a path without following a final symbolic link (statx, whose layout is the same on
/// every Linux architecture); .NET exposes the mode but not the owner.
/// </summary>
internal static class UnixFileOwner
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;
    private const int UidOffset = 20;
    private const int ModeOffset = 28;
    private const int FileTypeMask = 0xF000;
    private const int DirectoryType = 0x4000;

    public static uint CurrentUser => GetEffectiveUserId();

    /// <returns>Null when the path cannot be examined (missing, or no statx on this system).</returns>
    public static (uint Owner, bool IsDirectory, UnixFileMode Mode)? Examine(string path)
    {
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer, ModeOffset);
        return (BitConverter.ToUInt32(buffer, UidOffset), (mode & FileTypeMask) == DirectoryType, (UnixFileMode)(mode & 0xFFF));
    }

    [DllImport("libc", EntryPoint = "statx")]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEffectiveUserId();
}
