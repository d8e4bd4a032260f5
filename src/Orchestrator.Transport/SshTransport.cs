using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Session;
using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport;

/// <summary>
/// A host reached with the system OpenSSH client: one ControlMaster connection and, over it, one persistent
/// remote <c>/bin/sh</c> session that runs every request (see <see cref="LoopScript"/> for the framing).
/// The session opens on first use. Requests are serialized.
/// </summary>
/// <remarks>
/// The host needs a POSIX /bin/sh and GNU coreutils (head -c, stat -c, mktemp, timeout, mv -T), and sudo for
/// become: any Debian or Ubuntu host has them. Where <c>/usr/bin/perl</c> exists (perl-base is Essential there),
/// a small helper beside the session answers stat, rename, mkdir and hostname -f, and removes the session's
/// folder, without a process each
/// (<see cref="SessionHelperProgram"/>). Nothing is installed there; the session's private temp
/// folder is removed when the session ends.
/// When ssh fails (exit 255, a changed host key) or the session dies, the call throws
/// <see cref="HostUnreachableException"/> with ssh's own words; a call never retries itself, and the next
/// call makes one fresh attempt to connect. A command whose timeout passed without any answer ends the
/// session (the next call opens a new one over the still-open master).
/// </remarks>
public sealed class SshTransport : ITransport, IConnectAhead, IConnectionReset
{
    private readonly SshLauncher launcher;
    private readonly ShellConnection connection;

    /// <param name="logger">Optional; Debug logs commands (never stdin, environment values or passwords), Trace adds ssh -vvv output.</param>
    /// <param name="sessionFunctions">Shell function definitions every session defines when it starts (see <see cref="TransportFactory"/>).</param>
    public SshTransport(ConnectionSettings settings, ILogger? logger = null, IReadOnlyList<string>? sessionFunctions = null)
        : this(settings, logger, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), sessionFunctions)
    {
    }

    /// <param name="userHome">Holds .orchestrate/cp, the folder of masters kept between runs (ControlPersist).</param>
    internal SshTransport(ConnectionSettings settings, ILogger? logger, string userHome, IReadOnlyList<string>? sessionFunctions = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        logger ??= NullLogger.Instance;
        HostName = settings.HostName;
        launcher = new SshLauncher(settings, logger, userHome);
        connection = new ShellConnection(launcher, settings.HostName, logger, sessionFunctions ?? []);
    }

    public string HostName { get; }

    /// <summary>The folder of the master's socket: private to this transport unless the master is kept (ControlPersist).</summary>
    internal string ControlDirectory => launcher.Socket.Folder;

    internal ControlSocket ControlSocket => launcher.Socket;

    internal string? SessionDirectory => connection.SessionDirectory;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An environment variable name that is not a shell name, a NUL in the command, a line break in the become password.</exception>
    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        connection.RunAsync(request, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Mode null keeps an existing file's mode (a new file gets 0666 minus the umask); Owner/Group null keep an
    /// existing file's owner and group where the writing user may set them.
    /// </remarks>
    /// <exception cref="IOException">The host refused the write (permission, missing folder, a directory in the way, sudo failed).</exception>
    /// <exception cref="ArgumentException">Mode is not octal, or the path is not a file path.</exception>
    public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken) =>
        connection.PutFileAsync(upload, cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="IOException">The file exists but cannot be read (permission, a directory, sudo failed).</exception>
    public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken) =>
        connection.FetchFileAsync(path, become, cancellationToken);

    /// <inheritdoc/>
    public void StartConnecting(CancellationToken cancellationToken) => connection.StartOpening(cancellationToken);

    /// <summary>
    /// Ends the session, stops the master (<c>ssh -O exit</c>) and removes the control folder; a master kept by
    /// the user's ControlPersist is left running for the next run.
    /// </summary>
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <inheritdoc/>
    public ValueTask ResetAsync()
    {
        launcher.StopKeptMasterOnDispose();
        return connection.DisposeAsync();
    }
}
