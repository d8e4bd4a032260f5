using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Tests;

public sealed class PlayParsingTests
{
    [Fact]
    public void Reads_every_play_keyword()
    {
        var playbook = Fixtures.Parse("play_keywords.yaml");

        Assert.Equal(2, playbook.Plays.Count);
        var play = playbook.Plays[0];
        Assert.Equal("Configure masters", play.Name);
        Assert.Equal("mesos_masters:&zookeeper", play.Hosts.Text);
        Assert.Equal(4, play.Hosts.Location.Line);
        Assert.Equal(5050L, play.Vars["mesos_port"]);
        Assert.Equal(["a", "b"], Assert.IsType<List<object?>>(play.Vars["names"]));
        Assert.Equal(["vars/common.yaml", "vars/{{ install_method }}.yaml"], play.VarsFiles.Select(f => f.Text));
        Assert.False(play.GatherFacts);
        Assert.True(play.Become);
        Assert.Equal("root", play.BecomeUser);
        Assert.Equal([new BatchSize(1, null), new BatchSize(null, 30), new BatchSize(5, null)], play.Serial);
        Assert.Equal(25, play.MaxFailPercentage);
        Assert.True(play.AnyErrorsFatal);
        Assert.Equal(["masters", "mesos"], play.Tags);
        Assert.Equal("http://proxy:3128", play.Environment["http_proxy"]);
        Assert.False(play.CheckMode);
        Assert.Single(play.PreTasks);
        Assert.Single(play.Tasks);
        Assert.Single(play.PostTasks);
        var handler = Assert.Single(play.Handlers);
        Assert.Equal("restart mesos", handler.Common.Name);
        Assert.Equal(["mesos config changed"], handler.Listen);
        Assert.Equal(Fixtures.Path(), play.BaseDirectory);
    }

    [Fact]
    public void A_play_without_name_is_named_by_its_hosts_and_defaults_apply()
    {
        var play = Fixtures.Parse("play_keywords.yaml").Plays[1];

        Assert.Equal("all", play.Name);
        Assert.True(play.GatherFacts);
        Assert.Null(play.Become);
        Assert.Equal([new BatchSize(2, null)], play.Serial);
        Assert.Empty(play.Tasks);
        Assert.Empty(play.Roles);
    }

    [Fact]
    public void Locations_point_at_the_play_file()
    {
        var play = Fixtures.Parse("play_keywords.yaml").Plays[0];

        Assert.Equal(Fixtures.Path("play_keywords.yaml"), play.Location.File);
        Assert.Equal((2, 3), (play.Location.Line, play.Location.Column));
        var task = Assert.IsType<ModuleTask>(play.Tasks[0]);
        Assert.Equal((26, 7), (task.Location.Line, task.Location.Column));
    }

    [Fact]
    public void Import_playbook_expands_in_place_with_the_imports_vars_and_tags()
    {
        var playbook = Fixtures.Parse("imports", "site.yaml");

        Assert.Equal(["first", "second", "local play"], playbook.Plays.Select(p => p.Name));
        var first = playbook.Plays[0];
        Assert.Equal(true, first.Vars["from_import"]);
        Assert.Equal(1L, first.Vars["own"]);
        Assert.Equal(["imported"], first.Tags);
        Assert.Equal(Fixtures.Path("imports", "more"), first.BaseDirectory);
        Assert.Equal(Fixtures.Path("imports", "more", "second.yaml"), playbook.Plays[1].Location.File);
        Assert.Equal(["imported"], playbook.Plays[1].Tags);
        Assert.Empty(playbook.Plays[2].Tags);
        Assert.Equal(Fixtures.Path("imports", "site.yaml"), playbook.Path);
    }

    [Fact]
    public void Relative_paths_are_shown_relative_to_the_working_folder()
    {
        using var folder = new TempFolder();
        folder.Write("pb/site.yaml", "- hosts: all\n  tasks:\n    - bogus: 1\n");
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder.Root;
            var error = Assert.Throws<Core.Diagnostics.UserErrorException>(
                () => new PlaybookParser(new Fakes.FakeModuleCatalog()).Parse("pb/site.yaml"));
            Assert.Equal("pb/site.yaml:3:7", Assert.Single(error.Diagnostics).Location.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }
}
