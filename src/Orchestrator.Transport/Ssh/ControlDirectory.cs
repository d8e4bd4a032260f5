using System.Security.Cryptography;

namespace Orchestrator.Transport.Ssh;

/// <summary>
/// The private (0700) folder holding one transport's ControlMaster socket. Unix socket paths are limited to
/// about 104 bytes and ssh appends 17 characters while creating the socket, so the path must stay short.
/// </summary>
internal static class ControlDirectory
{
    public const int MaxSocketPath = 104 - 17;

    public const string SocketName = "m";

    public static string Create()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("ssh multiplexing needs Unix domain sockets");
        }

        var temp = Directory.CreateTempSubdirectory("orch-");
        if ((temp.FullName + "/" + SocketName).Length <= MaxSocketPath)
        {
            return temp.FullName;
        }

        // A long TMPDIR: fall back to /tmp with an unguessable name, refusing anything that already exists.
        temp.Delete();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var path = "/tmp/orch-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            if (Directory.Exists(path) || File.Exists(path))
            {
                continue;
            }

            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }

        throw new IOException("cannot create a private folder for the ssh control socket under /tmp");
    }

    public static void Remove(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A master that has not let go of its socket yet; nothing else lives here.
        }
    }
}
