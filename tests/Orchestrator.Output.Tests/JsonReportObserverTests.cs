using System.Text.Json;
using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

public sealed class JsonReportObserverTests : IDisposable
{
    private static readonly string[] Statuses = ["ok", "changed", "skipped", "failed", "unreachable"];
    private static readonly string[] RecapKeys = ["ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("report-tests-");

    private string ReportPath => Path.Combine(folder.FullName, "report.json");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void Top_level_fields_have_the_spec_names_and_types()
    {
        using var report = RunScripted();
        var root = report.RootElement;

        Assert.Equal("playbooks/site.yaml", Str(root, "playbook"));
        Assert.Equal(JsonValueKind.False, root.GetProperty("check_mode").ValueKind);
        Assert.Equal(23456, root.GetProperty("duration_ms").GetInt64());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("plays").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("recap").ValueKind);
    }

    [Fact]
    public void Plays_hold_name_hosts_and_tasks_with_name_module_and_results()
    {
        using var report = RunScripted();
        var play = Assert.Single(report.RootElement.GetProperty("plays").EnumerateArray());

        Assert.Equal("Mesos masters", Str(play, "name"));
        Assert.Equal(["m1", "m2", "m3"], play.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        var tasks = play.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(
            ["Install Mesos packages", "Write /etc/mesos/zk", "Check the master", "command", "Write agent attributes", "Probe ports", "Optional extras", "Show quorum", "restart mesos-master"],
            tasks.Select(t => Str(t, "name")));
        Assert.Equal(["apt", "template", "command", "command", "copy", "wait_for", "apt", "debug", "service"], tasks.Select(t => Str(t, "module")));
        Assert.True(tasks[^1].GetProperty("handler").GetBoolean());
    }

    [Fact]
    public void Every_host_result_has_status_msg_rc_diff_and_duration_with_their_types()
    {
        using var report = RunScripted();
        var results = report.RootElement.GetProperty("plays")[0].GetProperty("tasks").EnumerateArray()
            .SelectMany(t => t.GetProperty("results").EnumerateObject()).ToList();

        Assert.Equal(14, results.Count);
        foreach (var result in results.Select(r => r.Value))
        {
            Assert.Contains(Str(result, "status"), Statuses);
            Assert.Equal(JsonValueKind.String, result.GetProperty("msg").ValueKind);
            Assert.Contains(result.GetProperty("rc").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.Number });
            Assert.Contains(result.GetProperty("diff").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
            Assert.Equal(JsonValueKind.Number, result.GetProperty("duration_ms").ValueKind);
        }
    }

    [Fact]
    public void Host_results_carry_the_values_of_the_overall_result()
    {
        using var report = RunScripted();
        var tasks = report.RootElement.GetProperty("plays")[0].GetProperty("tasks");

        var config = tasks[1].GetProperty("results").GetProperty("m1");
        Assert.Equal("changed", Str(config, "status"));
        Assert.Equal("", Str(config, "msg"));
        Assert.Equal(JsonValueKind.Null, config.GetProperty("rc").ValueKind);
        Assert.Equal(ScriptedRun.ConfigDiff, Str(config, "diff"));
        Assert.Equal(12, config.GetProperty("duration_ms").GetInt64());

        var check = tasks[2].GetProperty("results");
        Assert.Equal("failed", Str(check.GetProperty("m1"), "status"));
        Assert.Equal(1, check.GetProperty("m1").GetProperty("rc").GetInt32());
        Assert.Equal("non-zero return code", Str(check.GetProperty("m1"), "msg"));
        Assert.True(check.GetProperty("m2").GetProperty("ignored").GetBoolean());
        Assert.Equal("unreachable", Str(check.GetProperty("m3"), "status"));
        Assert.Equal(JsonValueKind.Null, check.GetProperty("m3").GetProperty("diff").ValueKind);
        Assert.Equal("skipped", Str(tasks[0].GetProperty("results").GetProperty("m3"), "status"));
        Assert.Equal("ok", Str(tasks[0].GetProperty("results").GetProperty("m1"), "status"));
    }

    [Fact]
    public void Loop_items_are_listed_under_the_hosts_overall_result()
    {
        using var report = RunScripted();
        var attributes = report.RootElement.GetProperty("plays")[0].GetProperty("tasks")[4].GetProperty("results").GetProperty("m2");

        Assert.Equal("changed", Str(attributes, "status"));
        var items = attributes.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["rack", "zone", "gpu"], items.Select(i => Str(i, "item")));
        Assert.Equal(["ok", "changed", "skipped"], items.Select(i => Str(i, "status")));
    }

    [Fact]
    public void A_loops_diff_is_its_items_diffs_when_the_overall_result_has_none()
    {
        var observer = new JsonReportObserver(ReportPath);
        var task = Events.Task("t", "template");
        var first = UnifiedDiff.Render("/a", "1\n", "2\n");
        var second = UnifiedDiff.Render("/b", "", "x\n");
        observer.OnTaskStarted(task);
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { ItemLabel = "a", Diff = first });
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Ok) { ItemLabel = "b" });
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { ItemLabel = "c", Diff = second });
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { HasItems = true });
        observer.Flush();

        using var report = Read();
        var result = report.RootElement.GetProperty("plays")[0].GetProperty("tasks")[0].GetProperty("results").GetProperty("h1");
        Assert.Equal(first + second, Str(result, "diff"));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("items")[1].GetProperty("diff").ValueKind);
    }

    [Fact]
    public void Recap_holds_the_engines_numbers_under_the_spec_names()
    {
        using var report = RunScripted();
        var recap = report.RootElement.GetProperty("recap");

        Assert.Equal(["m1", "m2", "m3"], recap.EnumerateObject().Select(p => p.Name));
        foreach (var host in recap.EnumerateObject())
        {
            Assert.Equal(RecapKeys, host.Value.EnumerateObject().Select(p => p.Name));
            Assert.All(host.Value.EnumerateObject(), p => Assert.Equal(JsonValueKind.Number, p.Value.ValueKind));
        }

        var m2 = recap.GetProperty("m2");
        Assert.Equal([7, 3, 0, 0, 1, 0, 1], RecapKeys.Select(k => m2.GetProperty(k).GetInt32()));
    }

    [Fact]
    public void The_write_leaves_no_temporary_file_and_replaces_an_old_report()
    {
        File.WriteAllText(ReportPath, "old");

        RunScripted().Dispose();

        Assert.Equal(["report.json"], folder.GetFiles().Select(f => f.Name));
        Assert.StartsWith("{", File.ReadAllText(ReportPath));
    }

    [Fact]
    public void Flush_writes_an_interrupted_run_with_a_recap_counted_so_far()
    {
        var observer = new JsonReportObserver(ReportPath);
        var task = Events.Task("t");
        observer.OnRunStarted(new RunStarted("site.yaml", true, false));
        observer.OnPlayStarted(new PlayStarted("p", ["h1", "h2"]));
        observer.OnTaskStarted(task);
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed));
        observer.OnHostResult(new HostResult("h2", task, ResultStatus.Failed) { Ignored = true });

        observer.Flush();
        observer.Flush();

        using var report = Read();
        var root = report.RootElement;
        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.True(root.GetProperty("check_mode").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("exit_code").ValueKind);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0], RecapKeys.Select(k => root.GetProperty("recap").GetProperty("h1").GetProperty(k).GetInt32()));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], RecapKeys.Select(k => root.GetProperty("recap").GetProperty("h2").GetProperty(k).GetInt32()));
        Assert.Equal(["report.json"], folder.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Flush_after_the_run_finished_keeps_the_finished_report()
    {
        var observer = new JsonReportObserver(ReportPath);
        observer.OnRunStarted(new RunStarted("site.yaml", false, false));
        observer.OnRunFinished(new RunFinished(new Dictionary<string, HostStats> { ["h1"] = new() { Ok = 5, Rescued = 1 } }, TimeSpan.FromSeconds(2), 2));
        var finished = File.ReadAllText(ReportPath);

        observer.Flush();
        observer.WriteNow(new RunFinished(new Dictionary<string, HostStats> { ["h1"] = new() { Ok = 5, Rescued = 1 } }, TimeSpan.FromSeconds(2), 2));

        Assert.Equal(finished, File.ReadAllText(ReportPath));
        using var report = Read();
        Assert.True(report.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(2, report.RootElement.GetProperty("exit_code").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("recap").GetProperty("h1").GetProperty("rescued").GetInt32());
    }

    [Fact]
    public void A_relative_path_is_resolved_against_the_current_directory()
    {
        var observer = new JsonReportObserver(Path.Combine("out", "report.json"));

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "out", "report.json"), observer.Path);
    }

    [Fact]
    public void Results_find_their_task_by_value_as_the_engine_sends_copies()
    {
        var observer = new JsonReportObserver(ReportPath);
        var first = Events.Task("first");
        observer.OnPlayStarted(new PlayStarted("p", ["h1"]));
        observer.OnTaskStarted(first);
        observer.OnTaskStarted(Events.Task("second"));
        observer.OnHostResult(new HostResult("h1", first with { }, ResultStatus.Ok));
        observer.Flush();

        using var report = Read();
        var tasks = report.RootElement.GetProperty("plays")[0].GetProperty("tasks");
        Assert.Equal(2, tasks.GetArrayLength());
        Assert.Equal("ok", Str(tasks[0].GetProperty("results").GetProperty("h1"), "status"));
    }

    private JsonDocument RunScripted()
    {
        ScriptedRun.Play(new JsonReportObserver(ReportPath));
        return Read();
    }

    private JsonDocument Read() => JsonDocument.Parse(File.ReadAllText(ReportPath));

    private static string? Str(JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        Assert.Equal(JsonValueKind.String, value.ValueKind);
        return value.GetString();
    }
}
