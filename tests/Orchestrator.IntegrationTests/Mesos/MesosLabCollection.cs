namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>The Mesos rollout tests share the orch-mesos lab prefix: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MesosLabCollection
{
    public const string Name = "mesos-lab";
}
