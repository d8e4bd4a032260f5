namespace Orchestrator.Inventory.Tests;

public sealed class LocalhostTests
{
    [Fact]
    public void The_implicit_inventory_is_localhost_with_a_local_connection_in_ungrouped()
    {
        var inventory = InventoryLoader.Localhost();
        Assert.Equal(["localhost"], inventory.Hosts.Select(h => h.Name));
        Assert.Equal(["localhost"], inventory.FindGroup("ungrouped")!.Hosts);
        Assert.Equal(["ungrouped"], inventory.GroupNamesOf("localhost"));
        Assert.Equal(["localhost"], inventory.Resolve("all", Fixture.PlayLocation));
        Assert.Equal(new Dictionary<string, object?> { ["ansible_connection"] = "local" }, inventory.VariablesOf("localhost"));
        var connection = inventory.ConnectionOf("localhost");
        Assert.Equal(("local", "localhost"), (connection.Connection, connection.Address));
        Assert.Equal("@all:\n  |--@ungrouped:\n  |  |--localhost", InventoryRendering.ToGraph(inventory));
    }

    [Fact]
    public void Playbook_group_vars_still_apply_to_the_implicit_inventory()
    {
        var inventory = InventoryLoader.Localhost(Fixture.Path("varsfiles", "playbook"));
        Assert.Equal("playbook", inventory.VariablesOf("localhost")["all_file"]);
    }
}
