using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory.Tests;

public sealed class CycleTests
{
    [Fact]
    public void A_cycle_is_named_and_located_at_the_child_entry_that_closes_it()
    {
        var error = Fixture.LoadFails("cycle", "inventory.yaml");
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal("group cycle: a -> b -> a", diagnostic.Message);
        Assert.Equal(new SourceLocation(Fixture.Path("cycle", "inventory.yaml"), 7, 13), diagnostic.Location);
        Assert.Equal(4, error.ExitCode);
    }

    [Fact]
    public void A_group_that_is_its_own_child_is_a_cycle()
    {
        var diagnostic = Assert.Single(Fixture.LoadFails("cycle", "self.yaml").Diagnostics);
        Assert.Equal("group cycle: loop -> loop", diagnostic.Message);
        Assert.Equal(new SourceLocation(Fixture.Path("cycle", "self.yaml"), 3, 5), diagnostic.Location);
    }

    [Fact]
    public void A_cycle_across_top_level_groups_names_every_step()
    {
        var diagnostic = Assert.Single(Fixture.LoadFails("cycle", "long.yaml").Diagnostics);
        Assert.Equal("group cycle: top -> middle -> bottom -> top", diagnostic.Message);
        Assert.Equal(new SourceLocation(Fixture.Path("cycle", "long.yaml"), 8, 5), diagnostic.Location);
    }

    [Fact]
    public void Cycles_in_several_files_are_all_reported()
    {
        var error = Assert.Throws<UserErrorException>(() => InventoryLoader.Load(
            [Fixture.Path("cycle", "inventory.yaml"), Fixture.Path("cycle", "self.yaml")]));
        Assert.Equal(["group cycle: a -> b -> a", "group cycle: loop -> loop"], error.Diagnostics.Select(d => d.Message));
    }
}
