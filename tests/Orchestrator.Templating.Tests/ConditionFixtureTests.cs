using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Tests;

public sealed class ConditionFixtureTests
{
    private const string File = "conditions.yaml";
    private static readonly TemplateEngine Engine = new();

    public static TheoryData<string> Cases => Fixture.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_as_expected(string name)
    {
        var item = Fixture.Case(File, name);
        var result = Engine.EvaluateCondition((string)item["condition"]!, Fixture.Variables(item), new SourceLocation("play.yaml", 3, 5));

        Assert.Equal((bool)item["expected"]!, result);
    }
}
