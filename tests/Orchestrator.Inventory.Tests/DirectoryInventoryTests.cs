namespace Orchestrator.Inventory.Tests;

public sealed class DirectoryInventoryTests
{
    private readonly HostInventory inventory = Fixture.Load("directory");

    [Fact]
    public void Every_yaml_file_below_the_folder_is_read_in_sorted_order()
    {
        Assert.Equal(["w1", "w2", "d1"], inventory.Hosts.Select(h => h.Name));
        Assert.Equal("second", inventory.VariablesOf("w1")["from"]);
        Assert.Equal(Fixture.Path("directory", "10-first.yaml"), inventory.FindHost("w1")!.Location.File);
    }

    [Fact]
    public void Other_files_and_hidden_folders_are_not_inventories()
    {
        Assert.Null(inventory.FindGroup("skipped"));
        Assert.Null(inventory.FindHost("never"));
        Assert.Null(inventory.FindGroup("this"));
    }

    [Fact]
    public void The_folder_own_group_vars_and_host_vars_apply()
    {
        Assert.Equal("from-directory", inventory.VariablesOf("w2")["web_var"]);
        Assert.Equal("from-directory", inventory.VariablesOf("d1")["d1_var"]);
    }

    [Fact]
    public void A_missing_path_is_a_bad_option()
    {
        var error = Assert.Throws<Orchestrator.Core.Diagnostics.UserErrorException>(
            () => InventoryLoader.Load([Fixture.Path("nope.yaml"), Fixture.Path("spec", "inventory.yaml")]));
        Assert.Equal(5, error.ExitCode);
        Assert.Equal($"inventory '{Fixture.Path("nope.yaml")}' does not exist", Assert.Single(error.Diagnostics).Message);
    }

    [Fact]
    public void No_path_and_an_empty_file_give_an_empty_inventory()
    {
        foreach (var empty in new[] { InventoryLoader.Load([]), Fixture.Load("errors", "empty.yaml") })
        {
            Assert.Empty(empty.Hosts);
            Assert.Equal(["all", "ungrouped"], empty.Groups.Select(g => g.Name));
            Assert.Empty(empty.Resolve("all", Fixture.PlayLocation));
        }
    }
}
