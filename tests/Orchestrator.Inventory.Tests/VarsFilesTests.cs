using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory.Tests;

public sealed class VarsFilesTests
{
    private readonly HostInventory inventory = InventoryLoader.Load(
        [Fixture.Path("varsfiles", "inventory", "hosts.yaml")],
        playbookDirectory: Fixture.Path("varsfiles", "playbook"));

    [Fact]
    public void Every_level_in_order_inventory_then_files_beside_inventory_then_beside_playbook()
    {
        var w1 = inventory.VariablesOf("w1");
        Assert.Equal("w1-inventory", w1["layer"]);
        Assert.Equal("playbook", w1["all_file"]);
        Assert.Equal(1L, w1["web_inventory_only"]);
        Assert.Equal("playbook", w1["web_folder"]);
        Assert.Equal(new List<object?> { 1L, 2L }, w1["list_value"]);
        Assert.Equal("playbook", w1["w1_file"]);
    }

    [Fact]
    public void A_group_folder_is_read_in_sorted_order_and_only_yaml_or_extensionless_files()
    {
        var withoutPlaybook = Fixture.Load("varsfiles", "inventory", "hosts.yaml");
        var w3 = withoutPlaybook.VariablesOf("w3");
        Assert.Equal("override", w3["web_folder"]);
        Assert.Equal("web-groupvars", w3["layer"]);
        Assert.False(w3.ContainsKey("not"));
        Assert.Equal("inventory", withoutPlaybook.VariablesOf("w1")["w1_file"]);
    }

    [Fact]
    public void Host_vars_files_win_over_groups()
    {
        Assert.Equal("w2-hostvars", inventory.VariablesOf("w2")["layer"]);
    }

    [Fact]
    public void Group_vars_all_is_at_the_all_level()
    {
        Assert.Equal("all-groupvars", inventory.VariablesOf("lonely")["layer"]);
        Assert.Equal("web-groupvars", inventory.VariablesOf("w3")["layer"]);
    }

    [Fact]
    public void A_file_named_like_the_group_without_extension_is_found_first()
    {
        var d1 = inventory.VariablesOf("d1");
        Assert.Equal("no-extension", d1["db_file"]);
        Assert.Equal("db-groupvars", d1["layer"]);
    }

    [Fact]
    public void A_child_group_wins_over_its_parent_whichever_source_each_comes_from()
    {
        Assert.Equal("replica-inventory", inventory.VariablesOf("d2")["layer"]);
        Assert.Equal("no-extension", inventory.VariablesOf("d2")["db_file"]);
    }

    [Fact]
    public void Files_for_hosts_not_in_the_inventory_are_ignored()
    {
        Assert.Null(inventory.FindHost("ghost"));
        Assert.DoesNotContain(inventory.Hosts, h => h.Name == "ghost");
    }

    [Fact]
    public void Bad_vars_files_are_all_reported_with_locations()
    {
        var error = Fixture.LoadFails("varsbad", "hosts.yaml");
        Assert.Equal(2, error.Diagnostics.Count);
        var notMapping = error.Diagnostics.Single(d => d.Message.Contains("must be a mapping", StringComparison.Ordinal));
        Assert.Equal("a vars file must be a mapping of variables, not a list", notMapping.Message);
        Assert.Equal(new SourceLocation(Fixture.Path("varsbad", "group_vars", "web.yaml"), 1, 1), notMapping.Location);
        var duplicate = error.Diagnostics.Single(d => d.Message.Contains("duplicate", StringComparison.Ordinal));
        Assert.Equal(Fixture.Path("varsbad", "host_vars", "w1.yaml"), duplicate.Location.File);
        Assert.Equal(2, duplicate.Location.Line);
    }

    [Fact]
    public void The_playbook_folder_may_also_be_the_inventory_folder()
    {
        var folder = Fixture.Path("varsfiles", "inventory");
        var same = InventoryLoader.Load([Path.Combine(folder, "hosts.yaml")], playbookDirectory: folder);
        Assert.Equal("override", same.VariablesOf("w3")["web_folder"]);
    }
}
