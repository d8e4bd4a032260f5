using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

/// <summary>The helpers added for the Mesos content refuse what they cannot compute, naming the helper.</summary>
public sealed class ContentHelperErrorTests
{
    private static readonly TemplateEngine Engine = new();
    private static readonly SourceLocation At = new("play.yaml", 1, 1);

    [Theory]
    [InlineData("{{ div n 0 }}", "helper 'div': division by zero")]
    [InlineData("{{ add n 'x' }}", "helper 'add': string 'x' is not a whole number")]
    [InlineData("{{ duration_ms d }}", "helper 'duration_ms': '10 minutes' is not a duration (a number and one of ns us ms secs mins hrs days weeks)")]
    [InlineData("{{ index_of d 'x' }}", "helper 'index_of': expects a list, got string '10 minutes'")]
    public void Helper_refuses_with_its_name(string template, string message)
    {
        var error = Assert.Throws<UserErrorException>(() => Engine.RenderValue(template, Vars.Of(("n", 3L), ("d", "10 minutes")), At));

        Assert.Equal(message, error.Message);
    }
}
