using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Inventory.Tests;

public sealed class BadPatternTests
{
    private readonly HostInventory inventory = Fixture.Load("patterns", "inventory.yaml");

    [Theory]
    [InlineData("", "a host pattern cannot be empty")]
    [InlineData("   ", "a host pattern cannot be empty")]
    [InlineData("web::db", "host pattern 'web::db' has an empty part (between, before or after ':' or ',')")]
    [InlineData("web:", "host pattern 'web:' has an empty part (between, before or after ':' or ',')")]
    [InlineData(":web", "host pattern ':web' has an empty part (between, before or after ':' or ',')")]
    [InlineData("web,,db", "host pattern 'web,,db' has an empty part (between, before or after ':' or ',')")]
    [InlineData("web:&", "host pattern 'web:&': '&' needs a name or pattern after it")]
    [InlineData("web:!", "host pattern 'web:!': '!' needs a name or pattern after it")]
    [InlineData("web:!&db", "host pattern 'web:!&db': '!&db' has more than one of '&' and '!'")]
    [InlineData("web[01", "host pattern 'web[01': a bracket is not closed (expected ']')")]
    [InlineData("web]", "host pattern 'web]': ']' has no matching opening bracket")]
    [InlineData("web[0:1]]", "host pattern 'web[0:1]]': ']' has no matching opening bracket")]
    [InlineData("~(web", "host pattern '~(web': a bracket is not closed (expected ')')")]
    [InlineData("web servers", "host pattern 'web servers': 'web servers' contains a space; separate parts with ':' or ','")]
    public void Malformed_patterns_are_located_errors(string pattern, string message)
    {
        var error = Assert.Throws<UserErrorException>(() => inventory.Resolve(pattern, Fixture.PlayLocation));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal(Fixture.PlayLocation, diagnostic.Location);
        Assert.Equal(4, error.ExitCode);
    }

    [Fact]
    public void An_invalid_regular_expression_is_a_located_error()
    {
        var error = Assert.Throws<UserErrorException>(() => inventory.Resolve("web:~*x", Fixture.PlayLocation));
        Assert.StartsWith("host pattern 'web:~*x': '~*x' is not a valid regular expression", error.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(Fixture.PlayLocation, error.Diagnostics[0].Location);
    }

    [Fact]
    public void Brackets_protect_separators_inside_them()
    {
        Assert.Equal(["web01", "web02"], inventory.Resolve("web[0:1]", Fixture.PlayLocation));
        Assert.Equal(["web01", "web02"], inventory.Resolve("~web0(1|2)", Fixture.PlayLocation));
        Assert.Equal(["web01", "db1"], inventory.Resolve("~(web0|db)1,~x{1,2}", Fixture.PlayLocation));
    }
}
