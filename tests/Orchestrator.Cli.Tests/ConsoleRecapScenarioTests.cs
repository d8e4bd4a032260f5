using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>The console's PLAY RECAP as ansible-playbook prints it: 79-column banner, "%-26s : " host, "%s=%-4s" counts.</summary>
public sealed class ConsoleRecapScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("control");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Recap_lines_are_padded_like_ansible()
    {
        var run = await scenario.RunAsync("ignore.yaml");

        run.AssertExit(0);
        Assert.EndsWith(
            "\nPLAY RECAP *********************************************************************\n" +
            "h1                         : ok=2    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=1   \n\n",
            run.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recap_lists_hosts_sorted_by_name()
    {
        var run = await scenario.RunAsync("run-once.yaml");

        run.AssertExit(0);
        var recap = run.Output[run.Output.IndexOf("PLAY RECAP", StringComparison.Ordinal)..].Split('\n').Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(["h1", "h2", "h3"], recap.Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]));
        Assert.Equal("h2                         : ok=2    changed=2    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ", recap[1]);
    }
}
