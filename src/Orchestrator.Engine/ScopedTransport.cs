using Orchestrator.Core.Transport;

namespace Orchestrator.Engine;

/// <summary>Applies a task's become and environment to every request, so modules cannot forget them.</summary>
internal sealed class ScopedTransport(ITransport inner, BecomeOptions? become, IReadOnlyDictionary<string, string>? environment) : ITransport
{
    public string HostName => inner.HostName;

    public BecomeOptions? Become => become;

    public Task<CommandResult> RunAsync(CommandRequest request, CancellationToken cancellationToken) =>
        inner.RunAsync(request with { Become = request.Become ?? become, Environment = MergeEnvironment(request.Environment) }, cancellationToken);

    public Task PutFileAsync(FileUpload upload, CancellationToken cancellationToken) =>
        inner.PutFileAsync(upload with { Become = upload.Become ?? become }, cancellationToken);

    public Task<byte[]?> FetchFileAsync(string path, BecomeOptions? becomeOptions, CancellationToken cancellationToken) =>
        inner.FetchFileAsync(path, becomeOptions ?? become, cancellationToken);

    // The pooled connection outlives the task; closing is the pool's job.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IReadOnlyDictionary<string, string>? MergeEnvironment(IReadOnlyDictionary<string, string>? own)
    {
        if (environment is null || environment.Count == 0)
        {
            return own;
        }

        if (own is null || own.Count == 0)
        {
            return environment;
        }

        var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
        foreach (var (key, value) in own)
        {
            merged[key] = value;
        }

        return merged;
    }
}
