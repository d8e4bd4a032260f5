using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Local;
using Orchestrator.Transport.Session;

namespace Orchestrator.Transport;

/// <summary>
/// Connection "local": runs on the controller itself, through the same persistent shell session and framing
/// as <see cref="SshTransport"/>, so both connections behave alike byte for byte (timeouts, become, atomic
/// writes). A command that outlives its timeout is killed with its process group by <c>timeout</c>; one that
/// stops answering altogether takes the whole session's process tree down with it.
/// </summary>
public sealed class LocalTransport : ITransport
{
    private readonly ShellConnection connection;

    /// <param name="logger">Optional; Debug logs commands (never stdin, environment values or passwords).</param>
    /// <param name="sessionFunctions">Shell function definitions every session defines when it starts (see <see cref="TransportFactory"/>).</param>
    public LocalTransport(string hostName = "localhost", ILogger? logger = null, IReadOnlyList<string>? sessionFunctions = null)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        HostName = hostName;
        connection = new ShellConnection(new LocalLauncher(), hostName, logger ?? NullLogger.Instance, sessionFunctions ?? []);
    }

    public string HostName { get; }

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

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
