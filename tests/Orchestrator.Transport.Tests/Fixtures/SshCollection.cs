namespace Orchestrator.Transport.Tests.Fixtures;

/// <summary>All tests that use the shared sshd and test users run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SshCollection : ICollectionFixture<SshTestEnvironment>
{
    public const string Name = "ssh";
}
