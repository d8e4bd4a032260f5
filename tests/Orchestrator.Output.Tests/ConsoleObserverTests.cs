using Orchestrator.Core.Output;

namespace Orchestrator.Output.Tests;

public sealed class ConsoleObserverTests
{
    private readonly StringWriter writer = new();

    [Fact]
    public void Banners_fill_80_columns_and_keep_at_least_three_stars()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnPlayStarted(new PlayStarted("web", ["h1"]));
        observer.OnTaskStarted(Events.Task(new string('n', 90)));

        var lines = writer.ToString().Split('\n');
        Assert.Equal("", lines[0]);
        Assert.Equal("PLAY [web] " + new string('*', 69), lines[1]);
        Assert.Equal(80, lines[1].Length);
        Assert.Equal($"TASK [{new string('n', 90)}] ***", lines[3]);
    }

    [Fact]
    public void A_passed_assert_shows_its_message_at_any_verbosity_as_ansible_does()
    {
        var observer = Observer(new ConsoleOptions());
        var assert = Events.Task("check", "assert");
        observer.OnTaskStarted(assert);

        observer.OnHostResult(new HostResult("h1", assert, ResultStatus.Ok) { Message = "All assertions passed", Details = new Dictionary<string, object?> { ["changed"] = false, ["failed"] = false, ["msg"] = "All assertions passed" } });
        observer.OnHostResult(new HostResult("h2", assert, ResultStatus.Ok) { Details = new Dictionary<string, object?> { ["changed"] = false, ["msg"] = "" } });

        Assert.EndsWith("ok: [h1] => {\n    \"changed\": false,\n    \"msg\": \"All assertions passed\"\n}\nok: [h2]\n", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_until_retry_prints_ansibles_line()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnRetry(new RetryNotice("h1", "wait for it", 2));

        Assert.Equal("FAILED - RETRYING: [h1]: wait for it (2 retries left).\n", writer.ToString());
    }

    [Fact]
    public void Banners_follow_a_wider_terminal()
    {
        var observer = Observer(new ConsoleOptions { Width = 120 });

        observer.OnPlayStarted(new PlayStarted("", ["h1"]));

        Assert.Equal("\nPLAY " + new string('*', 115) + "\n", writer.ToString());
    }

    [Fact]
    public void Check_mode_marks_banners_and_opens_and_closes_with_dry_run()
    {
        var observer = Observer(new ConsoleOptions { CheckMode = true });

        observer.OnRunStarted(new RunStarted("site.yaml", true, false));
        observer.OnPlayStarted(new PlayStarted("web", ["h1"]));
        observer.OnTaskStarted(Events.Task("t"));
        observer.OnRunFinished(Events.Finished("h1"));

        var text = writer.ToString();
        Assert.StartsWith("\nDRY RUN ****", text);
        Assert.Contains("\nPLAY [web] [CHECK MODE] ****", text);
        Assert.Contains("\nTASK [t] [CHECK MODE] ****", text);
        Assert.EndsWith("ignored=0   \n\n\nDRY RUN " + new string('*', 72) + "\n", text);
    }

    [Fact]
    public void Verbosity_two_names_the_playbook_and_each_task_path()
    {
        var observer = Observer(new ConsoleOptions { Verbosity = 2 });

        observer.OnRunStarted(new RunStarted("playbooks/site.yaml", false, false));
        observer.OnTaskStarted(Events.Task("t"));

        Assert.StartsWith("\nPLAYBOOK: site.yaml ****", writer.ToString());
        Assert.EndsWith("\ntask path: play.yaml:4\n", writer.ToString());
    }

    [Fact]
    public void Verbosity_one_hides_internal_invocation_and_diff_keys_which_verbosity_three_shows_indented()
    {
        var task = Events.Task("t");
        var details = new Dictionary<string, object?>
        {
            ["changed"] = false,
            ["invocation"] = new Dictionary<string, object?> { ["module_args"] = new Dictionary<string, object?>() },
            ["diff"] = "x",
            ["_ansible_no_log"] = false,
            ["exception"] = "trace",
        };

        Observer(new ConsoleOptions { Verbosity = 1 }).OnHostResult(new HostResult("h1", task, ResultStatus.Ok) { Details = details });
        Observer(new ConsoleOptions { Verbosity = 3 }).OnHostResult(new HostResult("h1", task, ResultStatus.Ok) { Details = details });

        Assert.Equal(
            "ok: [h1] => {\"changed\": false}\n"
            + "ok: [h1] => {\n    \"changed\": false,\n    \"diff\": \"x\",\n    \"invocation\": {\n        \"module_args\": {}\n    }\n}\n",
            writer.ToString());
    }

    [Fact]
    public void Diffs_appear_only_with_diff_mode_and_only_for_changes()
    {
        var task = Events.Task("t", "template");
        var plain = Observer(new ConsoleOptions());
        plain.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { Diff = ScriptedRun.ConfigDiff });
        var diffing = Observer(new ConsoleOptions { DiffMode = true });
        diffing.OnHostResult(new HostResult("h2", task, ResultStatus.Ok) { Diff = ScriptedRun.ConfigDiff });
        diffing.OnHostResult(new HostResult("h3", task, ResultStatus.Changed) { Diff = ScriptedRun.ConfigDiff });

        Assert.Equal("changed: [h1]\nok: [h2]\n" + ScriptedRun.ConfigDiff + "\nchanged: [h3]\n", writer.ToString());
    }

    [Fact]
    public void A_loops_own_diff_is_not_repeated_after_its_items_diffs()
    {
        var observer = Observer(new ConsoleOptions { DiffMode = true });
        var task = Events.Task("t", "template");
        observer.OnTaskStarted(task);
        writer.GetStringBuilder().Clear();

        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { ItemLabel = "a", Diff = ScriptedRun.ConfigDiff });
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Changed) { Diff = ScriptedRun.ConfigDiff });

        Assert.Equal(ScriptedRun.ConfigDiff + "\nchanged: [h1] => (item=a)\n", writer.ToString());
    }

    [Fact]
    public void A_skipped_loops_own_line_leaves_out_the_item_results_already_shown()
    {
        var observer = Observer(new ConsoleOptions { Verbosity = 1 });
        var task = Events.Task("t");
        observer.OnTaskStarted(task);
        writer.GetStringBuilder().Clear();
        var itemDetails = new Dictionary<string, object?> { ["changed"] = false, ["item"] = "a", ["skip_reason"] = "Conditional result was False" };

        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Skipped) { ItemLabel = "a", Details = itemDetails });
        observer.OnHostResult(new HostResult("h1", task, ResultStatus.Skipped)
        {
            Details = new Dictionary<string, object?> { ["changed"] = false, ["msg"] = "All items skipped", ["results"] = new List<object?> { itemDetails } },
        });

        Assert.Equal(
            "skipping: [h1] => (item=a)  => {\"changed\": false, \"item\": \"a\", \"skip_reason\": \"Conditional result was False\"}\n"
            + "skipping: [h1] => {\"changed\": false, \"msg\": \"All items skipped\"}\n",
            writer.ToString());
    }

    [Fact]
    public void A_loops_summary_line_is_left_out_when_the_engine_says_it_had_items()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnHostResult(new HostResult("h1", Events.Task("t"), ResultStatus.Changed) { HasItems = true });
        observer.OnHostResult(new HostResult("h2", Events.Task("t"), ResultStatus.Changed));

        Assert.Equal("changed: [h2]\n", writer.ToString());
    }

    [Fact]
    public void Ignored_unreachable_is_followed_by_ignoring()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnHostResult(new HostResult("h1", Events.Task("t"), ResultStatus.Unreachable) { Message = "no route", Ignored = true });

        Assert.Equal("fatal: [h1]: UNREACHABLE! => {\"changed\": false, \"msg\": \"no route\", \"unreachable\": true}\n...ignoring\n", writer.ToString());
    }

    [Fact]
    public void Delegation_to_the_host_itself_is_not_shown()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnHostResult(new HostResult("h1", Events.Task("t"), ResultStatus.Changed) { DelegatedTo = "h1" });

        Assert.Equal("changed: [h1]\n", writer.ToString());
    }

    [Fact]
    public void The_same_warning_is_printed_once()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnWarning("careful");
        observer.OnWarning("careful");

        Assert.Equal("[WARNING]: careful\n", writer.ToString());
    }

    [Fact]
    public void Recap_lists_hosts_sorted_by_name_and_ends_with_a_blank_line()
    {
        var observer = Observer(new ConsoleOptions());

        observer.OnRunFinished(Events.Finished("web10", "Web2", "db"));

        var lines = writer.ToString().Split('\n');
        Assert.StartsWith("PLAY RECAP ****", lines[1]);
        Assert.Equal(["Web2", "db", "web10"], lines[2..5].Select(l => l.Split(' ')[0]));
        Assert.Equal(["", ""], lines[5..]);
    }

    private ConsoleObserver Observer(ConsoleOptions options) => new(writer, options);
}
