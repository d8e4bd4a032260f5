namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>One stand-in daemon the watcher polls: its host, the address and port it answers on.</summary>
internal sealed record WatchedService(string Host, string Address, int Port);
