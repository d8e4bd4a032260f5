using Orchestrator.Modules;
using Orchestrator.Playbooks.Model;
using Orchestrator.Templating;

namespace Orchestrator.Playbooks.Tests;

/// <summary>The parser against the real module registry and template engine, as the CLI wires it.</summary>
public sealed class RealModulesTests
{
    private static readonly IReadOnlyList<ModuleTask> Tasks =
        new PlaybookParser(ModuleRegistry.CreateDefault(), new TemplateEngine())
            .Parse(Fixtures.Path("real_modules.yaml")).Plays[0].Tasks.Cast<ModuleTask>().ToList();

    [Fact]
    public void Command_free_form_text_and_its_options_are_split()
    {
        Assert.Equal("make -j2", Tasks[0].Arguments["cmd"]);
        Assert.Equal("/srv/app", Tasks[0].Arguments["chdir"]);
        Assert.Equal("/srv/app/out", Tasks[0].Arguments["creates"]);
        Assert.Equal("build", Tasks[0].Register);
    }

    [Fact]
    public void Templated_key_values_are_kept_for_run_time()
    {
        Assert.Equal("{{ conf_dir }}/app.conf", Tasks[2].Arguments["dest"]);
        Assert.Equal("0644", Tasks[2].Arguments["mode"]);
    }

    [Fact]
    public void Meta_flush_handlers_lands_in_the_meta_modules_free_form_argument()
    {
        var meta = Tasks[^1];

        Assert.Equal("meta", meta.Module);
        Assert.Equal("flush_handlers", meta.Arguments["action"]);
    }
}
