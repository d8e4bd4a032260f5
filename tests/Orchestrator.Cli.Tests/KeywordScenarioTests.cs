using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>environment, templated vars_files, loops with when/register/loop_control, hostvars, block when with rescue/always.</summary>
public sealed class KeywordScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("keywords");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Task_keywords_end_to_end()
    {
        var run = await scenario.ConvergeAsync("site.yaml");

        Assert.Equal("play task for h1\n", scenario.Read("h1", "env.txt"));
        Assert.Equal("vanilla: one scoop of vanilla\n", scenario.Read("h1", "scoop.txt"));
        Assert.Equal("mint: two scoops of mint\n", scenario.Read("h2", "scoop.txt"));
        Assert.Equal("3 1 true 3\n", scenario.Read("h1", "loop.txt"));
        Assert.Equal("seen=0:apple:false;1:pear:true;\n", scenario.Read("h2", "seen.txt"));
        Assert.Equal("other=mint\n", scenario.Read("h1", "other.txt"));
        Assert.Equal("rescued fails in the block\n", scenario.Read("h1", "rescue.txt"));
        Assert.True(scenario.Exists("h1", "always.txt"));
        Assert.False(scenario.Exists("h2", "always.txt"));
        Assert.Equal(1, run.Recap["h1"].Rescued);
        Assert.Equal(0, run.Recap["h1"].Failed);
    }
}
