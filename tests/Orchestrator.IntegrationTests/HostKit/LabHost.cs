namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>One lab host: its inventory name, container, ssh port on 127.0.0.1 and address on the lab network.</summary>
internal sealed record LabHost(string Name, string Container, int Port, string Address);
