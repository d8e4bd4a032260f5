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
    public LocalTransport(string hostName = "localhost", ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        HostName = hostName;
        connection = new ShellConnection(new LocalLauncher(), hostName, logger ?? NullLogger.Instance);
    }

    public string HostName { get; }

    internal string? SessionDirectory => connection.SessionDirectory;

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        connection.RunAsync(request, cancellationToken);

    public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken) =>
        connection.PutFileAsync(upload, cancellationToken);

    public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken) =>
        connection.FetchFileAsync(path, become, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
