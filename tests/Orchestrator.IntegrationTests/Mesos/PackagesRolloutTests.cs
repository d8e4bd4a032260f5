using Xunit.Abstractions;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>site.yaml with install_method packages on a fresh 5-host lab: the stand-in mesos/marathon packages and Debian's zookeeperd.</summary>
[Collection(MesosLabCollection.Name)]
public sealed class PackagesRolloutTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Packages_converge_rerun_clean_roll_agents_then_masters_one_at_a_time_and_check_diff_changes_nothing()
    {
        await using var lab = await MesosLab.StartAsync(withImages: false);
        using var rollout = new MesosRollout(lab, "packages", log);
        await rollout.RunAllAsync();
    }
}
