using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

public sealed class IncludeScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("includes");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Include_tasks_static_templated_and_looped()
    {
        var run = await scenario.ConvergeAsync("site.yaml");

        Assert.Equal("static\n", scenario.Read("h1", "static.txt"));
        Assert.Equal("alpha file for h1\n", scenario.Read("h1", "kind.txt"));
        Assert.Equal("beta file for h2\n", scenario.Read("h2", "kind.txt"));
        Assert.Equal("item red\n", scenario.Read("h2", "item-red.txt"));
        Assert.Equal("item green\n", scenario.Read("h2", "item-green.txt"));
        Assert.Equal("again green\n", scenario.Read("h1", "item-green-again.txt"));
        Assert.Equal("colour=blue\n", scenario.Read("h1", "colour-blue.txt"));
        Assert.True(scenario.Exists("h1", "conditional.txt"));
        Assert.False(scenario.Exists("h2", "conditional.txt"));
        Assert.Equal(["h1"], run.Report!.Statuses("from the conditional include").Keys);
    }

    [Fact]
    public async Task Import_tasks_applies_its_when_to_each_task()
    {
        var run = await scenario.ConvergeAsync("site.yaml");

        Assert.True(scenario.Exists("h1", "imported-1.txt"));
        Assert.False(scenario.Exists("h1", "imported-2.txt"), run.ToString());
        Assert.Equal("skipped", run.Report!.Status("skipped because the condition is checked again", "h1"));
    }

    [Fact]
    public async Task Import_tasks_when_false_skips_every_imported_task()
    {
        var run = await scenario.ConvergeAsync("site.yaml", "-e", "{\"go_on\": false}");

        Assert.False(scenario.Exists("h1", "imported-1.txt"));
        Assert.Equal("skipped", run.Report!.Status("first imported task", "h1"));
        Assert.Equal("skipped", run.Report.Status("turn it off", "h1"));
    }
}
