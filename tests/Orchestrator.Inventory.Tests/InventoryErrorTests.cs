using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory.Tests;

public sealed class InventoryErrorTests
{
    [Fact]
    public void Every_problem_of_a_file_is_reported_with_its_location()
    {
        var error = Fixture.LoadFails("errors", "many.yaml");
        var file = Fixture.Path("errors", "many.yaml");
        Assert.Equal(
            [
                (4, 7, "unknown key 'host' in group 'web'; a group may only have 'hosts', 'vars' and 'children'"),
                (8, 9, "'hosts' of group 'db' must be a mapping of host names (each 'name:' or 'name: {vars}'), not a list"),
                (12, 9, "'vars' of group 'cache' must be a mapping of variables, not a list"),
                (15, 13, "host 'q1' must be followed by a mapping of its variables or nothing, not a list"),
                (16, 14, "group 'workers' must be a mapping with 'hosts', 'vars' and 'children' (or empty), not a list"),
                (19, 9, "host range [3:1]: begin must not be after end"),
            ],
            error.Diagnostics.Select(d => (d.Location.Line, d.Location.Column, d.Message)));
        Assert.All(error.Diagnostics, d => Assert.Equal(file, d.Location.File));
        Assert.Equal(4, error.ExitCode);
    }

    [Fact]
    public void Problems_of_every_file_are_collected_before_throwing()
    {
        var error = Assert.Throws<UserErrorException>(() => InventoryLoader.Load(
        [
            Fixture.Path("errors", "broken.yaml"),
            Fixture.Path("errors", "list-root.yaml"),
            Fixture.Path("errors", "plugin.yaml"),
            Fixture.Path("cycle", "self.yaml"),
        ]));
        Assert.Equal(
            ["broken.yaml", "list-root.yaml", "plugin.yaml", "self.yaml"],
            error.Diagnostics.Select(d => Path.GetFileName(d.Location.File)));
        Assert.StartsWith("invalid YAML", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal("an inventory must be a mapping of groups (usually 'all:'), not a list", error.Diagnostics[1].Message);
        Assert.Equal("inventory plugins ('plugin:') are not supported; write a YAML inventory of groups", error.Diagnostics[2].Message);
    }

    [Fact]
    public void Host_ranges_expand_in_order_with_padding_letters_steps_and_ports()
    {
        var inventory = Fixture.Load("ranges", "inventory.yaml");
        Assert.Equal(["web01", "web02", "web03"], inventory.FindGroup("web")!.Hosts);
        Assert.All(inventory.FindGroup("web")!.Hosts, h => Assert.Equal("web", inventory.VariablesOf(h)["role"]));
        Assert.Equal(
            ["db-a-1", "db-a-2", "db-b-1", "db-b-2", "db-c-1", "db-c-2", "odd1.example.com", "odd4.example.com", "odd7.example.com"],
            inventory.FindGroup("db")!.Hosts);
        Assert.Equal(2222L, inventory.VariablesOf("odd4.example.com")["ansible_port"]);
    }
}
