using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class RenderFixtureTests
{
    private const string File = "render.yaml";
    private static readonly TemplateEngine Engine = new();

    public static TheoryData<string> Cases => Fixture.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_as_expected(string name)
    {
        var item = Fixture.Case(File, name);
        var result = Engine.RenderValue((string)item["template"]!, Fixture.Variables(item), new SourceLocation("play.yaml", 3, 5));

        PlainAssert.Equal(item["expected"], result);
    }
}
