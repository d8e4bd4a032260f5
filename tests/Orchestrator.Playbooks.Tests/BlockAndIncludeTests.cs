using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Tests;

public sealed class BlockAndIncludeTests
{
    private static readonly Play Play = Fixtures.Parse("blocks", "main.yaml").Plays[0];

    [Fact]
    public void Block_rescue_and_always_nest()
    {
        var block = Assert.IsType<BlockTask>(Play.Tasks[0]);

        Assert.Equal("guarded", block.DisplayName);
        Assert.Equal(2, block.Block.Count);
        Assert.IsType<BlockTask>(block.Block[1]);
        Assert.Single(block.Rescue);
        Assert.Single(block.Always);
        Assert.Equal(["x is defined"], block.Common.When.Select(w => w.Text));
        Assert.True(block.Common.Become);
    }

    [Fact]
    public void Import_tasks_becomes_a_block_carrying_its_keywords_and_nests()
    {
        var import = Assert.IsType<BlockTask>(Play.Tasks[1]);

        Assert.Equal(["y is defined"], import.Common.When.Select(w => w.Text));
        Assert.Equal(["imported"], import.Common.Tags);
        Assert.Empty(import.Rescue);
        var first = Assert.IsType<ModuleTask>(import.Block[0]);
        Assert.Equal(Fixtures.Path("blocks", "sub", "imported.yaml"), first.Location.File);
        var nested = Assert.IsType<BlockTask>(import.Block[1]);
        Assert.Equal(Fixtures.Path("blocks", "sub", "nested.yaml"), nested.Block[0].Location.File);
    }

    [Fact]
    public void Include_tasks_with_a_plain_name_is_preloaded()
    {
        var include = Assert.IsType<IncludeTasks>(Play.Tasks[2]);

        Assert.Equal("sub/included.yaml", include.File);
        Assert.Equal(Fixtures.Path("blocks"), include.BaseDirectory);
        Assert.NotNull(include.Loop);
        Assert.Equal("hi", include.Common.Vars["greeting"]);
        var task = Assert.IsType<ModuleTask>(Assert.Single(include.Preloaded!));
        Assert.Equal("included {{ item }}", task.Arguments["msg"]);
    }

    [Fact]
    public void Include_tasks_with_a_template_is_left_to_run_time()
    {
        var include = Assert.IsType<IncludeTasks>(Play.Tasks[3]);

        Assert.Equal("{{ which }}.yaml", include.File);
        Assert.Null(include.Preloaded);
    }

    [Fact]
    public void An_empty_included_file_is_an_empty_list()
    {
        var include = Assert.IsType<IncludeTasks>(Play.Tasks[4]);

        Assert.Empty(include.Preloaded!);
    }

    [Fact]
    public void A_task_file_can_be_parsed_on_its_own_for_dynamic_includes()
    {
        var parser = new PlaybookParser(new Fakes.FakeModuleCatalog());
        var role = new RoleInfo("web", Fixtures.Path("roles_play", "roles", "web"));

        var tasks = parser.ParseTaskFile(Fixtures.Path("roles_play", "roles", "web", "tasks", "main.yaml"), role);

        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(role, t.Role));
    }
}
