using Microsoft.Extensions.Logging;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Ssh;

/// <summary>Chooses a transport's <see cref="ControlSocket"/> from the user's ssh options.</summary>
internal static class ControlSocketChoice
{
    // One warning a run is enough: the folder is the same for every host.
    private static int warned;

    public static ControlSocket For(ConnectionSettings settings, string userHome, ILogger logger)
    {
        var user = UserMultiplexing.From(settings.CommonArgs);
        if (!user.KeepsMaster || OperatingSystem.IsWindows())
        {
            return ControlSocket.Private(ControlDirectory.Create());
        }

        if (user.ChoosesControlPath)
        {
            return ControlSocket.UserChosen(user);
        }

        var uid = UnixFileOwner.CurrentUser;
        var folder = PersistentControlFolder.Choose(userHome, uid);
        if (PersistentControlFolder.Prepare(folder, uid) is not { } problem)
        {
            return ControlSocket.Persistent(user, folder, PersistentControlFolder.SocketName(settings));
        }

        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            logger.LogWarning(
                "[{Host}] not keeping ssh connections between runs ({Persist}): {Problem}; each run connects afresh",
                settings.HostName,
                user.ControlPersistOption,
                problem);
        }

        return ControlSocket.Private(ControlDirectory.Create());
    }
}
