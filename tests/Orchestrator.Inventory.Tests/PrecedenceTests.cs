namespace Orchestrator.Inventory.Tests;

public sealed class PrecedenceTests
{
    private readonly HostInventory inventory = Fixture.Load("precedence", "inventory.yaml");

    [Fact]
    public void Groups_of_equal_depth_are_merged_by_name_so_the_later_name_wins()
    {
        var h1 = inventory.VariablesOf("h1");
        Assert.Equal("zeta", h1["who"]);
        Assert.Equal("z", h1["zeta_only"]);
        Assert.Equal(true, h1["from_all"]);
        Assert.Equal("kept", h1["only_all"]);
    }

    [Fact]
    public void A_deeper_group_wins_over_a_shallower_one_whatever_the_names()
    {
        Assert.Equal("child", inventory.VariablesOf("h2")["who"]);
        Assert.Equal(["alpha", "beta", "child"], inventory.GroupNamesOf("h2"));
    }

    [Fact]
    public void Host_variables_win_over_groups()
    {
        Assert.Equal("host", inventory.VariablesOf("h3")["who"]);
    }

    [Fact]
    public void Group_priority_orders_groups_of_equal_depth_before_names_do()
    {
        var h4 = inventory.VariablesOf("h4");
        Assert.Equal("first_by_name", h4["who"]);
        Assert.False(h4.ContainsKey("ansible_group_priority"));
    }

    [Fact]
    public void A_group_or_host_declared_twice_merges_memberships_and_variables()
    {
        var h5 = inventory.VariablesOf("h5");
        Assert.Equal(2L, h5["n"]);
        Assert.Equal("second", h5["x"]);
        Assert.Equal("first", h5["y"]);
        Assert.Equal("a2", inventory.VariablesOf("h1")["alpha_only"]);
        Assert.Equal(["again", "more_again"], inventory.GroupNamesOf("h5"));
        Assert.Equal(["again"], inventory.FindGroup("more_again")!.Children);
        Assert.DoesNotContain("again", inventory.FindGroup("all")!.Children);
        Assert.Contains("more_again", inventory.FindGroup("all")!.Children);
    }

    [Fact]
    public void Multiple_sources_merge_in_order_and_the_later_wins()
    {
        var both = InventoryLoader.Load([Fixture.Path("multi", "one.yaml"), Fixture.Path("multi", "two.yaml")]);
        Assert.Equal(["w1", "w2"], both.FindGroup("web")!.Hosts);
        Assert.Equal("two", both.VariablesOf("w1")["order"]);
        var reversed = InventoryLoader.Load([Fixture.Path("multi", "two.yaml"), Fixture.Path("multi", "one.yaml")]);
        Assert.Equal(["w2", "w1"], reversed.Hosts.Select(h => h.Name));
        Assert.Equal("one", reversed.VariablesOf("w1")["order"]);
    }
}
