using System.Globalization;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Ssh;

/// <summary>
/// The stable per-user folder for masters that outlive a run (ControlPersist): <c>~/.orchestrate/cp</c>, or
/// <c>/tmp/orch-cp-UID</c> when the home folder's path would make the socket path too long. One folder serves
/// every host: see <see cref="SocketName"/>. Another
/// user who can write into the folder could put a socket there that impersonates a host, so a folder that is
/// not the user's own or is writable by group or others is refused.
/// </summary>
internal static class PersistentControlFolder
{
    // %C expands to a SHA-1 in hex, then '-' and the options' tag.
    private const int TagLength = 8;
    private const int ExpandedNameLength = 40 + 1 + TagLength;

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// ssh's <c>%C</c> (a hash of local host, host, port and user) and a tag of the key and
    /// ansible_ssh_common_args: before OpenSSH 9.6 <c>%C</c> leaves out the jump host, and a master is reused
    /// only by a run that connects the same way (same jump host, key, known_hosts...).
    /// </summary>
    public static string SocketName(ConnectionSettings settings)
    {
        var options = string.Join('\0', [settings.PrivateKeyFile ?? "", .. settings.CommonArgs]);
        var tag = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(options)))[..TagLength];
        return "%C-" + tag;
    }

    /// <summary>The folder to use: the first candidate whose socket path fits.</summary>
    public static string Choose(string home, uint user)
    {
        if (Path.IsPathFullyQualified(home))
        {
            var inHome = Path.Combine(home, ".orchestrate", "cp");
            if (Fits(inHome))
            {
                return inHome;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"/tmp/orch-cp-{user}");
    }

    /// <summary>Creates <paramref name="folder"/> (0700) if missing and checks it is private to the user.</summary>
    /// <returns>Null when it can be used, else why not.</returns>
    [UnsupportedOSPlatform("windows")]
    public static string? Prepare(string folder, uint user)
    {
        try
        {
            Directory.CreateDirectory(folder, PrivateMode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot create {folder}: {e.Message}";
        }

        return Check(folder, user);
    }

    public static string? Check(string folder, uint user) => UnixFileOwner.Examine(folder) switch
    {
        null => $"cannot examine {folder}",
        { IsDirectory: false } => $"{folder} is not a folder (a symbolic link or a file)",
        { Owner: var owner } when owner != user => $"{folder} belongs to user id {owner}, not to you ({user})",
        { Mode: var mode } when (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0 =>
            $"{folder} is writable by group or others",
        _ => null,
    };

    private static bool Fits(string folder) =>
        Encoding.UTF8.GetByteCount(folder) + 1 + ExpandedNameLength <= ControlDirectory.MaxSocketPath;
}
