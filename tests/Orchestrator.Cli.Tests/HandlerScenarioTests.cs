using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

public sealed class HandlerScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("handlers");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Handlers_run_once_in_definition_order_and_only_when_notified_by_a_change()
    {
        var run = await scenario.ConvergeAsync("order.yaml");

        foreach (var host in new[] { "h1", "h2" })
        {
            Assert.Equal("first\nsecond\nlistener-one\nlistener-two\n", scenario.Read(host, "handlers.log"));
            Assert.Equal(new Recap(Ok: 9, Changed: 8, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap[host]);
        }

        Assert.False(run.Report!.Ran("never notified"));
        Assert.Equal(
            ["workdir", "first change", "second change", "topic change", "unchanged task", "first handler", "second handler", "topic listener one", "topic listener two"],
            run.Report.TaskNames);
        Assert.Contains("RUNNING HANDLER [first handler]", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_notifies_the_first_handler_of_that_name_and_a_topic_every_listener()
    {
        var run = await scenario.RunAsync("same-name.yaml");

        run.AssertExit(0);
        // The order and lines ansible-playbook 2.14 writes for the same playbook.
        Assert.Equal("first\nlistener-one\nlistener-two\n", scenario.Read("h1", "runs.log"));
    }

    [Fact]
    public async Task A_blocks_notify_reaches_its_tasks_that_have_none_of_their_own()
    {
        var run = await scenario.RunAsync("block-notify.yaml");

        run.AssertExit(0);
        // What ansible-playbook 2.14 writes for the same playbook.
        Assert.Equal("block\ntask\n", scenario.Read("h1", "runs.log"));
    }

    [Fact]
    public async Task Flush_handlers_runs_them_mid_play_and_a_later_notification_runs_them_again()
    {
        await scenario.ConvergeAsync("flush.yaml");

        Assert.Equal("handled\n", scenario.Read("h1", "marker.txt"));
        Assert.Equal("run\nrun\n", scenario.Read("h1", "runs.log"));
        Assert.Equal("run\nrun\n", scenario.Read("h2", "runs.log"));
    }

    [Fact]
    public async Task Host_that_failed_after_notifying_does_not_run_the_handler()
    {
        var run = await scenario.RepeatAsync(2, "failed-later.yaml");

        Assert.True(scenario.Exists("h1", "handled.txt"), run.ToString());
        Assert.False(scenario.Exists("h2", "handled.txt"), run.ToString());
        Assert.Equal(1, run.Recap["h2"].Failed);
        Assert.Equal(new Recap(Ok: 3, Changed: 3, Unreachable: 0, Failed: 0, Skipped: 1, Rescued: 0, Ignored: 0), run.Recap["h1"]);
        Assert.Equal(new Dictionary<string, string> { ["h1"] = "changed" }, run.Report!.Statuses("mark handled"));
    }

    [Fact]
    public async Task Templated_and_role_qualified_notify_names_reach_their_handlers()
    {
        var run = await scenario.ConvergeAsync("notify-forms.yaml");

        // Role handlers come before the play's own in definition order.
        Assert.Equal("svc\ntemplated\n", scenario.Read("h1", "notify.log"));
        Assert.Equal("svc\ntemplated\n", scenario.Read("h2", "notify.log"));
        Assert.Equal("changed", run.Report!.Status("svc : restart svc", "h1"));
    }
}
