namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>Test classes marked [Collection(HostKitCollection.Name)] share one lab of hosts.</summary>
[CollectionDefinition(Name)]
public sealed class HostKitCollection : ICollectionFixture<HostKitFixture>
{
    public const string Name = "hostkit";
}
