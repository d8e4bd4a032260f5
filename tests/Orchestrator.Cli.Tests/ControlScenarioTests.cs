using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>Task keywords that shape results: run_once, until/retries, changed_when/failed_when, ignore_errors.</summary>
public sealed class ControlScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("control");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Run_once_runs_on_the_first_host_and_its_result_is_registered_for_all()
    {
        var run = await scenario.ConvergeAsync("run-once.yaml");

        Assert.Equal(["h1"], run.Report!.Statuses("ask one host").Keys);
        foreach (var host in new[] { "h1", "h2", "h3" })
        {
            Assert.Equal("answer=picked h1\n", scenario.Read(host, "picked.txt"));
        }

        Assert.Equal(new Recap(Ok: 3, Changed: 2, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["h1"]);
        Assert.Equal(new Recap(Ok: 2, Changed: 2, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 0), run.Recap["h2"]);
    }

    [Fact]
    public async Task Until_retries_until_the_condition_holds_and_registers_the_attempts()
    {
        var run = await scenario.ConvergeAsync("until.yaml");

        Assert.Equal("ok", run.Report!.Status("third time lucky", "h1"));
        Assert.Equal("failed", run.Report.Status("never succeeds", "h1"));
        Assert.Equal("ok", run.Report.Status("retries were exhausted", "h1"));
        Assert.Equal(1, run.Recap["h1"].Ignored);
        Assert.False(scenario.Exists("h1", "counter"));
        // ansible-playbook's lines for the failed attempts, word for word.
        Assert.Contains("\nFAILED - RETRYING: [h1]: third time lucky (5 retries left).\nFAILED - RETRYING: [h1]: third time lucky (4 retries left).\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("\nFAILED - RETRYING: [h1]: never succeeds (1 retries left).\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changed_when_and_failed_when_override_the_result_and_a_list_means_all()
    {
        var run = await scenario.RunAsync("conditions.yaml");

        run.AssertExit(0);
        var report = run.Report!;
        Assert.Equal("ok", report.Status("says hello", "h1"));
        Assert.Equal("ok", report.Status("not changed when one condition is false", "h1"));
        Assert.Equal("changed", report.Status("changed when all conditions hold", "h1"));
        Assert.Equal("failed", report.Status("failed when all conditions hold", "h1"));
        Assert.Equal("changed", report.Status("not failed when one condition is false", "h1"));
        Assert.Equal("ok", report.Status("failed_when false keeps a failing command ok", "h1"));
        Assert.Equal("ok", report.Status("registered values agree", "h1"));
        // As ansible-playbook 2.14 counts them: the ignored failure says changed (the command ran), so it counts.
        Assert.Equal(new Recap(Ok: 7, Changed: 3, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 1), run.Recap["h1"]);
    }

    [Fact]
    public async Task Ignored_failure_counts_as_ignored_and_ok_and_changed_when_it_says_so_and_the_run_succeeds()
    {
        var run = await scenario.RunAsync("ignore.yaml");

        run.AssertExit(0);
        Assert.Equal(new Recap(Ok: 2, Changed: 1, Unreachable: 0, Failed: 0, Skipped: 0, Rescued: 0, Ignored: 1), run.Recap["h1"]);
        Assert.Equal("failed", run.Report!.Status("fails but is ignored", "h1"));
        Assert.Equal("ok", run.Report.Status("still runs", "h1"));
        Assert.Contains("...ignoring", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Copy_and_template_register_the_file_s_mode_owner_group_and_size_also_in_check_mode()
    {
        // On a fresh folder check mode predicts them all: the playbook asserts they are defined (exit 0).
        var check = await scenario.RunAsync("registered-file.yaml", "--check");
        check.AssertExit(0);
        Assert.Equal("ok", check.Report!.Status("registered values are all there", "h1"));
        Assert.False(scenario.Exists("h1", "plain.txt"));

        await scenario.ConvergeAsync("registered-file.yaml");

        // What the new file really has (a copy without mode or owner: the umask's mode, the writing user).
        Assert.Equal(await StatAsync(scenario.PathOf("h1", "plain.txt")) + " 6 file\n", scenario.Read("h1", "registered.txt"));
    }

    [Fact]
    public async Task Check_mode_skips_command_and_wait_for_but_registers_the_command_s_keys()
    {
        var check = await scenario.RunAsync("check-mode-results.yaml", "--check");

        check.AssertExit(0);
        Assert.Equal("skipped", check.Report!.Status("would start a server", "h1"));
        Assert.Equal("ok", check.Report.Status("the skipped result has the command's keys", "h1"));
        Assert.Equal("skipped", check.Report.Status("wait for the server", "h1"));
        Assert.Equal("ok", check.Report.Status("its msg is registered", "h1"));
        Assert.DoesNotContain("All assertions passed", check.Output, StringComparison.Ordinal);
    }

    private static async Task<string> StatAsync(string path)
    {
        var start = new System.Diagnostics.ProcessStartInfo("stat") { RedirectStandardOutput = true };
        foreach (var word in new[] { "-c", "%04a %U:%G %u:%g", "--", path })
        {
            start.ArgumentList.Add(word);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.TrimEnd('\n');
    }
}
