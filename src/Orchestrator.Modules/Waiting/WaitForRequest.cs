namespace Orchestrator.Modules.Waiting;

/// <summary>What one wait_for task waits for; times in whole seconds, as Ansible takes them.</summary>
internal sealed record WaitForRequest(string State, long Timeout)
{
    public string Host { get; init; } = "127.0.0.1";

    public long? Port { get; init; }

    public string? Path { get; init; }

    public string? SearchRegex { get; init; }

    public long Delay { get; init; }

    public long Sleep { get; init; } = 1;

    public long ConnectTimeout { get; init; } = 5;

    /// <summary>started/present: wait until it is there; stopped/absent: until it is gone.</summary>
    public bool WaitsForPresence => State is "started" or "present";

    /// <summary>Ansible's failure message when the time is up (the task's msg replaces it).</summary>
    public string TimeoutMessage => (Port, Path, SearchRegex, WaitsForPresence) switch
    {
        ({ } port, _, _, true) => $"Timeout when waiting for {Host}:{port}",
        ({ } port, _, _, false) => $"Timeout when waiting for {Host}:{port} to stop.",
        (_, { } path, { } regex, true) => $"Timeout when waiting for search string {regex} in {path}",
        (_, { } path, _, true) => $"Timeout when waiting for file {path}",
        (_, { } path, _, false) => $"Timeout when waiting for {path} to be absent.",
        _ => "Timeout",
    };
}
