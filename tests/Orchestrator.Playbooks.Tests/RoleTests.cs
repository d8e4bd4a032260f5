using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Tests;

public sealed class RoleTests
{
    private static readonly Play Play = Fixtures.Parse("roles_play", "site.yaml").Plays[0];

    [Fact]
    public void A_role_by_name_loads_only_what_it_has()
    {
        var bare = Play.Roles[0];

        Assert.Equal("bare", bare.Info.Name);
        Assert.Equal(Fixtures.Path("roles_play", "roles", "bare"), bare.Info.Directory);
        Assert.Empty(bare.Tasks);
        Assert.Empty(bare.Handlers);
        Assert.Equal(true, bare.Defaults["bare_value"]);
    }

    [Fact]
    public void A_role_mapping_carries_keywords_parameters_and_files()
    {
        var web = Play.Roles[1];

        Assert.Equal(["install_web | default(true)"], web.Common.When.Select(w => w.Text));
        Assert.Equal(["web"], web.Common.Tags);
        Assert.True(web.Common.Become);
        Assert.Equal(8080L, web.Parameters["http_port"]);
        Assert.Equal(80L, web.Defaults["http_port"]);
        Assert.Equal("www-data", web.Vars["web_user"]);
        Assert.Equal(3, web.Tasks.Count);
        Assert.All(web.Tasks, t => Assert.Equal(web.Info, t.Role));
        var handler = Assert.Single(web.Handlers);
        Assert.Equal(web.Info, handler.Role);
        Assert.Equal("web : restart web", handler.DisplayName);
    }

    [Fact]
    public void Role_includes_resolve_in_the_roles_tasks_folder()
    {
        var web = Play.Roles[1];

        var include = Assert.IsType<IncludeTasks>(web.Tasks[1]);
        Assert.Equal(Fixtures.Path("roles_play", "roles", "web", "tasks"), include.BaseDirectory);
        Assert.Equal(web.Info, Assert.Single(include.Preloaded!).Role);
        var import = Assert.IsType<BlockTask>(web.Tasks[2]);
        Assert.Equal(web.Info, Assert.Single(import.Block).Role);
    }

    [Fact]
    public void Play_tasks_may_notify_role_handlers_by_qualified_name_or_topic()
    {
        Assert.Equal("web : restart web", Assert.IsType<ModuleTask>(Play.Tasks[0]).Notify[0]);
        Assert.Equal("web config changed", Assert.IsType<ModuleTask>(Play.Tasks[1]).Notify[0]);
    }
}
