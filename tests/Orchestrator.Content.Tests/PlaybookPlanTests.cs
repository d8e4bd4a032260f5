namespace Orchestrator.Content.Tests;

/// <summary>site.yaml and everything it imports parse, validate and plan against inventory.example.yaml.</summary>
public sealed class PlaybookPlanTests
{
    private static string Site => Path.Combine(RepositoryPaths.Playbooks, "site.yaml");

    [Fact]
    public async Task Syntax_check_of_site_yaml_passes()
    {
        var result = await RunAsync("run", Site, "-i", ContentRenderer.InventoryExample, "--syntax-check");

        Assert.True(result.Code == 0, result.ToString());
    }

    [Fact]
    public async Task List_tasks_shows_every_component()
    {
        var result = await RunAsync("run", Site, "-i", ContentRenderer.InventoryExample, "--list-tasks");

        Assert.True(result.Code == 0, result.ToString());
        foreach (var expected in new[]
        {
            "preflight | zookeeper_id is unique in the ensemble", "probe | Mesos master /master/health",
            "zookeeper | (re)start members that were not serving, all together",
            "Mesos masters | rolling restart, one master at a time, each healthy before the next",
            "mesos-agent | enabled at boot and running", "marathon | enabled at boot and running",
            "Swarm manager (mesos-experimental)", "services | stopped and disabled where they do not belong",
        })
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.CliApplication.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
