namespace Orchestrator.Inventory.Tests;

public sealed class PatternTests
{
    private static readonly string[] Everyone = ["bastion", "web01", "web02", "web03", "db2", "db1", "stage1", "lb.example.com"];

    private readonly HostInventory inventory = Fixture.Load("patterns", "inventory.yaml");

    [Theory]
    [InlineData("all")]
    [InlineData("*")]
    [InlineData("all:all")]
    [InlineData("ungrouped:prod:staging:edge")]
    public void Everything_in_inventory_order(string pattern)
    {
        Assert.Equal(Everyone, Resolve(pattern));
    }

    [Theory]
    [InlineData("web", "web01 web02 web03")]
    [InlineData("db", "db2 db1")]
    [InlineData("db1", "db1")]
    [InlineData("ungrouped", "bastion")]
    [InlineData("web:db", "web01 web02 web03 db2 db1")]
    [InlineData("db:web", "web01 web02 web03 db2 db1")]
    [InlineData("db,web", "web01 web02 web03 db2 db1")]
    [InlineData(" db , web01 ", "web01 db2 db1")]
    [InlineData("web:web02:web", "web01 web02 web03")]
    public void Names_and_unions(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' '), Resolve(pattern));
    }

    [Theory]
    [InlineData("prod:&staging", "web03")]
    [InlineData("prod:&edge", "web02")]
    [InlineData("prod:&staging:&edge", "")]
    [InlineData("&staging", "web03 stage1")]
    [InlineData("prod:!web", "db2 db1")]
    [InlineData("!web", "bastion db2 db1 stage1 lb.example.com")]
    [InlineData("!web:!db", "bastion stage1 lb.example.com")]
    [InlineData("web,!web02", "web01 web03")]
    public void Intersections_and_exclusions(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Resolve(pattern));
    }

    [Theory]
    [InlineData("web:!web03:staging", "web01 web02 stage1")]
    [InlineData("!web:db:&prod", "db2 db1")]
    [InlineData("&edge:staging:web", "web02")]
    [InlineData("!db1:&prod:staging:db", "web03 db2")]
    public void Unions_then_intersections_then_exclusions_whatever_the_written_order(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' '), Resolve(pattern));
    }

    [Theory]
    [InlineData("web0*", "web01 web02 web03")]
    [InlineData("web0?", "web01 web02 web03")]
    [InlineData("*.example.com", "lb.example.com")]
    [InlineData("db[!2]", "db1")]
    [InlineData("web0[1-2]", "web01 web02")]
    [InlineData("st*", "web03 stage1")]
    [InlineData("e*:&w*", "web02")]
    public void Globs_match_group_and_host_names(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' '), Resolve(pattern));
    }

    [Theory]
    [InlineData("~web0[12]", "web01 web02")]
    [InlineData("~db", "db2 db1")]
    [InlineData("~(web0|db)1", "web01 db1")]
    [InlineData("~lb\\.", "lb.example.com")]
    [InlineData("all:!~web", "bastion db2 db1 stage1 lb.example.com")]
    public void Regular_expressions_after_a_tilde_match_from_the_start(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' '), Resolve(pattern));
    }

    [Theory]
    [InlineData("web[0]", "web01")]
    [InlineData("web[-1]", "web03")]
    [InlineData("web[1:]", "web02 web03")]
    [InlineData("web[0:1]", "web01 web02")]
    [InlineData("db[0]", "db2")]
    [InlineData("web[7]", "")]
    [InlineData("web[0]:db[0]", "web01 db2")]
    public void Subscripts_pick_by_position_in_group_order(string pattern, string expected)
    {
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), Resolve(pattern));
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("nothing*")]
    [InlineData("web:&nothing")]
    [InlineData("~zzz")]
    public void A_pattern_matching_nothing_is_empty_not_an_error(string pattern)
    {
        Assert.Empty(Resolve(pattern));
    }

    [Fact]
    public void Localhost_resolves_implicitly_but_is_not_in_all()
    {
        Assert.Equal(["localhost"], Resolve("localhost"));
        Assert.Equal(["web01", "localhost"], Resolve("localhost:web01"));
        Assert.DoesNotContain("localhost", Resolve("all"));
        Assert.Null(inventory.FindHost("localhost"));
        Assert.Equal("local", inventory.VariablesOf("localhost")["ansible_connection"]);
        Assert.Empty(inventory.GroupNamesOf("localhost"));
        Assert.Equal("local", inventory.ConnectionOf("127.0.0.1").Connection);
    }

    private string[] Resolve(string pattern) => inventory.Resolve(pattern, Fixture.PlayLocation).ToArray();
}
