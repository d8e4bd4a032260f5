using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class HelperFixtureTests
{
    private const string File = "helpers.yaml";
    private static readonly TemplateEngine Engine = new();

    public static TheoryData<string> Cases => Fixture.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Helper_gives_expected_value(string name)
    {
        var item = Fixture.Case(File, name);
        var result = Engine.RenderValue((string)item["template"]!, Fixture.Variables(item), new SourceLocation("play.yaml", 1, 1));

        PlainAssert.Equal(item["expected"], result);
    }
}
