namespace Orchestrator.Core.Transport;

/// <summary>
/// A connection to one host. Implementations: local (runs on the controller) and OpenSSH.
/// Every method throws <see cref="HostUnreachableException"/> when the host cannot be reached or the
/// connection dies; any other failure is reported through the result, not an exception.
/// Implementations must be safe for one caller at a time per host (the engine never runs two tasks
/// on the same host at once).
/// </summary>
public interface ITransport : IAsyncDisposable
{
    string HostName { get; }

    /// <summary>Runs <see cref="CommandRequest.Command"/> with <c>/bin/sh -c</c> on the host.</summary>
    Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a file atomically: a temporary file in the destination folder, owner and mode set,
    /// then renamed over the destination. The old or the new content, never a mixture.
    /// </summary>
    Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken);

    /// <summary>Reads a whole file; null when it does not exist.</summary>
    Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken);
}
