using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>site.yaml with install_method containers on a fresh 5-host lab: the stand-in images in every host's own dockerd.</summary>
[Collection(MesosLabCollection.Name)]
public sealed class ContainersRolloutTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Containers_converge_rerun_clean_roll_agents_then_masters_one_at_a_time_and_check_diff_changes_nothing()
    {
        await using var lab = await MesosLab.StartAsync(withImages: true);
        using var rollout = new MesosRollout(lab, "containers", log);
        await rollout.RunAllAsync();
    }
}
