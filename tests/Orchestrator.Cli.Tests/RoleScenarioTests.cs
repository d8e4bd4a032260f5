using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

public sealed class RoleScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("roles");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Role_tasks_handlers_defaults_and_vars()
    {
        var run = await scenario.ConvergeAsync(Path.Combine("playbooks", "site.yaml"));

        // play vars beat role defaults; role vars beat play vars; an unset default shows through.
        Assert.Equal("port=8080\nuser=role-vars\ngreeting=hello from the role defaults\n", scenario.Read("h1", "web", "web.conf"));
        Assert.Equal("restarted on port 8080\n", scenario.Read("h1", "web", "restarted.txt"));
        Assert.Equal("changed", run.Report!.Status("web : web config", "h1"));
        Assert.Equal("changed", run.Report.Status("web : restart web", "h1"));
    }

    [Fact]
    public async Task A_role_listed_again_alike_runs_once_and_a_shared_handler_name_runs_one_handler()
    {
        var run = await scenario.RunAsync(Path.Combine("playbooks", "duplicates.yaml"));

        run.AssertExit(0);
        // ansible-playbook 2.14 on the same playbook: the same lines, and ok=4 changed=4.
        Assert.Equal("default\nother\n", scenario.Read("h1", "role-runs.log"));
        Assert.Equal("handler\n", scenario.Read("h1", "handler-runs.log"));
        Assert.Equal(new Recap(Ok: 4, Changed: 4, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["h1"]);
    }

    [Fact]
    public async Task Templates_are_looked_up_in_the_role_then_the_playbook_folder_then_the_top_level()
    {
        await scenario.ConvergeAsync(Path.Combine("playbooks", "site.yaml"));

        Assert.Equal("role templates/\n", scenario.Read("h1", "web", "shadowed.txt"));
        Assert.Equal("playbook folder\n", scenario.Read("h1", "web", "beside.txt"));
        Assert.Equal("top-level templates/ for h1\n", scenario.Read("h1", "web", "top.txt"));
        Assert.Equal("playbook folder\n", scenario.Read("h1", "beside.txt"));
        Assert.Equal("playbook templates/\n", scenario.Read("h1", "pbtemplates.txt"));
        Assert.Equal("top-level templates/ for h1\n", scenario.Read("h1", "top.txt"));
        Assert.Equal("playbook templates/\n", scenario.Read("h1", "shadowed.txt"));
    }
}
