namespace Orchestrator.Modules.Files;

/// <summary>A user or group on the host: its number and name.</summary>
internal sealed record HostAccount(long Id, string Name);
