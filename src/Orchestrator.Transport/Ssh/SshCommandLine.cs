using System.Diagnostics;
using System.Globalization;
using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Ssh;

/// <summary>The ssh command lines of a transport: the session, and requests to its master (-O).</summary>
internal static class SshCommandLine
{
    public static string Target(ConnectionSettings settings) =>
        string.IsNullOrEmpty(settings.Address) ? settings.HostName : settings.Address;

    /// <summary>
    /// Options shared by every ssh call of a transport. Host keys are left to ssh (known_hosts,
    /// StrictHostKeyChecking from the user's config or CommonArgs). ssh keeps the first value it sees for an
    /// option, so ours come first where they must win (multiplexing) and CommonArgs are appended. The
    /// multiplexing options are the <paramref name="socket"/>'s: ours, or the user's for a persistent master.
    /// </summary>
    public static List<string> Options(ConnectionSettings settings, ControlSocket socket)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(settings.ConnectTimeout.TotalSeconds));
        var options = new List<string> { "-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o", socket.PersistOption };
        if (socket.PathOption is { } path)
        {
            options.AddRange(["-o", path]);
        }

        options.AddRange(
        [
            "-o", string.Create(CultureInfo.InvariantCulture, $"ConnectTimeout={seconds}"),

            // A host that vanishes without closing the TCP connection is noticed in about a minute, not hours.
            "-o", "ServerAliveInterval=15",
            "-o", "ServerAliveCountMax=4",
        ]);

        // 22 is also what an unset ansible_port looks like: leave it to ssh, so ~/.ssh/config can still set it.
        if (settings.Port != 22)
        {
            options.AddRange(["-o", string.Create(CultureInfo.InvariantCulture, $"Port={settings.Port}")]);
        }

        if (settings.User is { } user)
        {
            options.AddRange(["-o", "User=" + user]);
        }

        if (settings.PrivateKeyFile is { } key)
        {
            options.AddRange(["-i", key]);
        }

        options.AddRange(settings.CommonArgs);
        return options;
    }

    /// <param name="remoteCommand">One string: ssh hands it to the login shell as <c>$SHELL -c</c>.</param>
    public static ProcessStartInfo Session(ConnectionSettings settings, ControlSocket socket, bool verbose, string remoteCommand)
    {
        // -T: no terminal, so bytes pass unchanged and no escape character is recognized.
        List<string> arguments = ["-T", .. verbose ? ["-vvv"] : Array.Empty<string>(), .. Options(settings, socket)];
        arguments.AddRange(["--", Target(settings), remoteCommand]);
        return Create(arguments);
    }

    /// <summary>A request to the master: <c>exit</c> stops it, <c>check</c> prints its PID.</summary>
    public static ProcessStartInfo Control(ConnectionSettings settings, ControlSocket socket, string request)
    {
        List<string> arguments = [.. Options(settings, socket), "-O", request, "--", Target(settings)];
        return Create(arguments);
    }

    /// <summary>
    /// Through setsid, so ssh (and the master it forks) leads a session of its own: a Ctrl-C at the controller's
    /// terminal goes to the terminal's process group, and the ssh clients must not get it. The controller handles
    /// it and rolls back in-flight uploads over the still-open connection before it closes it. BatchMode means ssh
    /// never needs the terminal. setsid execs in place (the child is never a group leader), so the PID is ssh's.
    /// </summary>
    private static ProcessStartInfo Create(List<string> arguments)
    {
        var startInfo = new ProcessStartInfo("setsid");
        startInfo.ArgumentList.Add("ssh");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }
}
