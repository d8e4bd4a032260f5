namespace Orchestrator.Inventory.Tests;

public sealed class SpecExampleTests
{
    private readonly HostInventory inventory = Fixture.Load("spec", "inventory.yaml");

    [Fact]
    public void Hosts_are_in_declaration_order_each_once()
    {
        Assert.Equal(["m1", "m2", "m3"], inventory.Hosts.Select(h => h.Name));
        var m1 = inventory.FindHost("m1")!;
        Assert.Equal(Fixture.Path("spec", "inventory.yaml"), m1.Location.File);
        Assert.Equal((6, 9), (m1.Location.Line, m1.Location.Column));
        Assert.Null(inventory.FindHost("m4"));
    }

    [Fact]
    public void Groups_include_the_implicit_ones_first()
    {
        Assert.Equal(["all", "ungrouped", "zookeeper", "mesos_masters"], inventory.Groups.Select(g => g.Name));
        Assert.Equal(["ungrouped", "zookeeper", "mesos_masters"], inventory.FindGroup("all")!.Children);
        Assert.Empty(inventory.FindGroup("ungrouped")!.Hosts);
        Assert.Equal(["m1", "m2", "m3"], inventory.FindGroup("mesos_masters")!.Hosts);
        Assert.Equal(4, inventory.FindGroup("zookeeper")!.Location.Line);
        Assert.Null(inventory.FindGroup("marathon"));
    }

    [Fact]
    public void Group_names_are_sorted_without_all()
    {
        Assert.Equal(["mesos_masters", "zookeeper"], inventory.GroupNamesOf("m1"));
        Assert.Equal(["mesos_masters"], inventory.GroupNamesOf("m2"));
    }

    [Fact]
    public void Groups_magic_lists_every_group_recursively()
    {
        Assert.Equal(["all", "ungrouped", "zookeeper", "mesos_masters"], inventory.GroupsMagic.Keys.OrderBy(k => inventory.Groups.ToList().FindIndex(g => g.Name == k)));
        Assert.Equal(["m1", "m2", "m3"], inventory.GroupsMagic["all"]);
        Assert.Empty(inventory.GroupsMagic["ungrouped"]);
        Assert.Equal(["m1"], inventory.GroupsMagic["zookeeper"]);
    }

    [Fact]
    public void Variables_merge_all_group_and_host()
    {
        var m1 = inventory.VariablesOf("m1");
        Assert.Equal("ubuntu", m1["ansible_user"]);
        Assert.Equal("10.0.0.11", m1["ansible_host"]);
        Assert.Equal(1L, m1["zookeeper_id"]);
        Assert.Equal(3, m1.Count);
        Assert.Equal(new Dictionary<string, object?> { ["ansible_user"] = "ubuntu" }, inventory.VariablesOf("m3"));
    }

    [Fact]
    public void Variables_are_a_fresh_copy_on_every_call()
    {
        var first = (Dictionary<string, object?>)inventory.VariablesOf("m1");
        first["ansible_user"] = "changed";
        first.Remove("zookeeper_id");
        Assert.Equal("ubuntu", inventory.VariablesOf("m1")["ansible_user"]);
        Assert.Equal(1L, inventory.VariablesOf("m1")["zookeeper_id"]);
    }

    [Fact]
    public void Unknown_host_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => inventory.VariablesOf("nope"));
        Assert.Throws<ArgumentException>(() => inventory.GroupNamesOf("nope"));
    }
}
