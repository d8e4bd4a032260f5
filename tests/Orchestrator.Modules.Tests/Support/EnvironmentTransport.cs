using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>Adds environment variables to every command, as a task's environment: does (e.g. a PATH without bash).</summary>
public sealed class EnvironmentTransport(ITransport inner, IReadOnlyDictionary<string, string> environment) : ITransport
{
    public string HostName => inner.HostName;

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        inner.RunAsync(request with { Environment = environment }, cancellationToken);

    public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken) => inner.PutFileAsync(upload, cancellationToken);

    public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? become, CancellationToken cancellationToken) =>
        inner.FetchFileAsync(path, become, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
