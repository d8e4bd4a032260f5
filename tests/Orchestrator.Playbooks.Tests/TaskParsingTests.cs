using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Tests;

public sealed class TaskParsingTests
{
    private static readonly Play Play = Fixtures.Parse("tasks.yaml").Plays[0];

    [Fact]
    public void Reads_every_task_keyword()
    {
        var task = Assert.IsType<ModuleTask>(Play.Tasks[0]);

        Assert.Equal("apt", task.Module);
        Assert.Equal("Install packages", task.Common.Name);
        Assert.Equal("{{ item }}", task.Arguments["name"]);
        Assert.Equal(true, task.Arguments["update_cache"]);
        Assert.Equal(new LoopSpec("{{ packages }}", task.Loop!.Location, "pkg", false, "{{ pkg }}", "idx"), task.Loop);
        Assert.Equal(["ansible_os_family == 'Debian'", "true"], task.Common.When.Select(w => w.Text));
        Assert.Equal("installed", task.Register);
        Assert.Equal(["restart mesos", "{{ dynamic_handler }}"], task.Notify);
        Assert.Equal(["install", "packages"], task.Common.Tags);
        Assert.True(task.Common.Become);
        Assert.Equal("root", task.Common.BecomeUser);
        Assert.True(task.Common.IgnoreErrors);
        Assert.Equal(["false"], task.ChangedWhen.Select(e => e.Text));
        Assert.Equal(["installed.rc != 0"], task.FailedWhen.Select(e => e.Text));
        Assert.Equal(["installed is succeeded"], task.Until.Select(e => e.Text));
        Assert.Equal(5, task.Retries);
        Assert.Equal(2.5, task.DelaySeconds);
        Assert.True(task.Common.RunOnce);
        Assert.Equal("localhost", task.Common.DelegateTo);
        Assert.True(task.Common.NoLog);
        Assert.Equal("C", task.Common.Environment["LANG"]);
        Assert.False(task.Common.CheckMode);
        Assert.Equal(1L, task.Common.Vars["extra"]);
        Assert.True(task.Common.AnyErrorsFatal);
        Assert.Null(task.Role);
    }

    [Fact]
    public void Conditions_keep_their_own_locations()
    {
        var task = Assert.IsType<ModuleTask>(Play.Tasks[0]);

        Assert.Equal((13, 11), (task.Common.When[0].Location.Line, task.Common.When[0].Location.Column));
        Assert.Equal((14, 11), (task.Common.When[1].Location.Line, task.Common.When[1].Location.Column));
    }

    [Fact]
    public void With_items_flattens_once_and_a_boolean_condition_becomes_text()
    {
        var task = Assert.IsType<ModuleTask>(Play.Tasks[1]);

        Assert.Equal("debug", task.Module);
        Assert.True(task.Loop!.FlattenOnce);
        Assert.Equal("item", task.Loop.LoopVar);
        var items = Assert.IsType<List<object?>>(task.Loop.Items);
        Assert.Equal(2, items.Count);
        Assert.Equal(["false"], task.Common.When.Select(w => w.Text));
        Assert.Equal(["restart mesos"], task.Notify);
        Assert.Equal(3, task.Retries);
        Assert.Equal(5, task.DelaySeconds);
    }

    [Fact]
    public void Action_and_local_action_forms_name_the_module()
    {
        var local = Assert.IsType<ModuleTask>(Play.Tasks[2]);
        Assert.Equal("command", local.Module);
        Assert.Equal("echo hi", local.Arguments["cmd"]);
        Assert.Equal("localhost", local.Common.DelegateTo);

        var action = Assert.IsType<ModuleTask>(Play.Tasks[3]);
        Assert.Equal("copy", action.Module);
        Assert.Equal("a.txt", action.Arguments["src"]);
        Assert.Equal("/tmp/a.txt", action.Arguments["dest"]);
        Assert.Equal(30, action.ArgumentLocations["dest"].Column);
    }

    [Fact]
    public void Meta_is_a_module_task()
    {
        var meta = Assert.IsType<ModuleTask>(Play.Tasks[4]);

        Assert.Equal("meta", meta.Module);
        Assert.Equal("flush_handlers", meta.Arguments["free_form"]);
        Assert.Equal("meta", meta.DisplayName);
    }

    [Fact]
    public void Handlers_may_loop_and_use_prefixed_module_names()
    {
        var handler = Assert.Single(Play.Handlers);

        Assert.Equal("service", handler.Module);
        Assert.NotNull(handler.Loop);
    }

    [Fact]
    public void Template_and_condition_texts_are_checked_by_the_engine()
    {
        var engine = new Fakes.FakeTemplateEngine();
        new PlaybookParser(new Fakes.FakeModuleCatalog(), engine).Parse(Fixtures.Path("tasks.yaml"));

        Assert.Contains("{{ item }}", engine.ValidatedTemplates);
        Assert.Contains("{{ packages }}", engine.ValidatedTemplates);
        Assert.Contains("{{ dynamic_handler }}", engine.ValidatedTemplates);
        Assert.DoesNotContain("restart mesos", engine.ValidatedTemplates);
        Assert.Contains("installed is succeeded", engine.ValidatedConditions);
        Assert.Contains("ansible_os_family == 'Debian'", engine.ValidatedConditions);
        Assert.DoesNotContain("installed is succeeded", engine.ValidatedTemplates);
    }
}
