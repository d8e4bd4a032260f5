namespace Orchestrator.Inventory.Tests;

public sealed class NestedChildrenTests
{
    private readonly HostInventory inventory = Fixture.Load("nested", "inventory.yaml");

    [Fact]
    public void Group_names_include_every_ancestor()
    {
        Assert.Equal(["datacenter", "rack1", "shelf"], inventory.GroupNamesOf("deep1"));
        Assert.Equal(["datacenter", "rack1", "shelf", "standalone"], inventory.GroupNamesOf("deep2"));
        Assert.Equal(["datacenter", "rack2"], inventory.GroupNamesOf("r2"));
    }

    [Fact]
    public void A_host_only_in_all_is_ungrouped()
    {
        Assert.Equal(["ungrouped"], inventory.GroupNamesOf("loner"));
        Assert.Equal(["loner"], inventory.FindGroup("ungrouped")!.Hosts);
        Assert.Equal(["loner"], inventory.FindGroup("all")!.Hosts);
    }

    [Fact]
    public void Groups_magic_walks_own_hosts_then_children_level_by_level()
    {
        Assert.Equal(["r1", "deep1", "deep2"], inventory.GroupsMagic["rack1"]);
        Assert.Equal(["r1", "r2", "deep1", "deep2"], inventory.GroupsMagic["datacenter"]);
        Assert.Equal(["loner", "deep2", "s1", "r1", "r2", "deep1"], inventory.GroupsMagic["all"]);
        Assert.Equal(["deep2", "s1"], inventory.GroupsMagic["standalone"]);
    }

    [Fact]
    public void Deeper_groups_win()
    {
        Assert.Equal("shelf", inventory.VariablesOf("deep1")["level"]);
        Assert.Equal("rack", inventory.VariablesOf("r1")["level"]);
        Assert.Equal("datacenter", inventory.VariablesOf("r2")["level"]);
        Assert.False(inventory.VariablesOf("s1").ContainsKey("level"));
    }

    [Fact]
    public void Children_are_listed_in_declaration_order()
    {
        Assert.Equal(["rack1", "rack2"], inventory.FindGroup("datacenter")!.Children);
        Assert.Equal(["ungrouped", "datacenter", "standalone"], inventory.FindGroup("all")!.Children);
        Assert.Equal(["loner", "deep1", "deep2", "r1", "r2", "s1"], inventory.Hosts.Select(h => h.Name));
    }
}
