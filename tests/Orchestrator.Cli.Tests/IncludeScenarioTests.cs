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
    public async Task Includes_are_reported_and_counted_as_ansible_playbook_counts_them()
    {
        var run = await scenario.RunAsync("site.yaml");

        run.AssertExit(0);
        // ansible-playbook 2.14 on the same playbook: each file included for a host (per loop item) is ok, a
        // conditional include left out is skipped.
        Assert.Equal(new Recap(Ok: 17, Changed: 10, Unreachable: 0, Failed: 0, Skipped: 1, Rescued: 0, Ignored: 0), run.Recap["h1"]);
        Assert.Equal(new Recap(Ok: 15, Changed: 9, Unreachable: 0, Failed: 0, Skipped: 2, Rescued: 0, Ignored: 0), run.Recap["h2"]);
        var perItem = Path.GetFullPath(Path.Combine(scenario.Folder, "tasks", "per-item.yaml"));
        Assert.Contains($"\nincluded: {perItem} for h1, h2 => (item=red)\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nskipping: [h2]\n", run.Output, StringComparison.Ordinal);
        Assert.Equal("ok", run.Report!.Status("static include", "h1"));
        Assert.Equal("skipped", run.Report.Status("include only on h1", "h2"));
    }

    [Fact]
    public async Task An_includes_tags_select_the_include_not_its_tasks()
    {
        var run = await scenario.RunAsync("tags.yaml", "-t", "inc");

        run.AssertExit(0);
        Assert.True(Directory.Exists(scenario.PathOf("h1")));
        Assert.False(scenario.Exists("h1", "untagged-inside.txt"), run.ToString());
        Assert.False(scenario.Exists("h1", "tagged-inside.txt"), run.ToString());
        Assert.Equal(2, run.Recap["h1"].Ok);

        // A tagged task inside an include nobody selected is never reached.
        var inner = await scenario.RunAsync("tags.yaml", "-t", "inner");
        inner.AssertExit(0);
        Assert.False(scenario.Exists("h1", "tagged-inside.txt"), inner.ToString());
        Assert.Equal(1, inner.Recap["h1"].Ok);
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
