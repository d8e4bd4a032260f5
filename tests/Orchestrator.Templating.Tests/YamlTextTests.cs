using Orchestrator.Core.Yaml;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Tests;

public sealed class YamlTextTests
{
    public static TheoryData<string> TrickyStrings => new(
        "plain", "yes", "No", "on", "OFF", "y", "true", "null", "~", "", " lead", "trail ", "a: b", "a:", "#x",
        "x #y", "- x", "-", "multi\nline", "tab\there", "quote\"s", "it's", "{a}", "[a]", "é", "@x", "`x`", "%x",
        "!x", "&x", "*x", "|", ">", "?", "1", "1.5", "-2", "+1", ".5", "1e3", "0x1F", "0o17", "017", "1_000",
        "12:30", ".inf", ".NaN", "<<", "=", "a,b", "ends with colon:", "http://x:80/y");

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Strings_read_back_as_the_same_strings(string text)
    {
        var value = Vars.Of(("k", text), ("l", Vars.List(text)));

        var readBack = YamlValues.ToPlain(YamlLoader.Parse(YamlText.Write(value), "x.yaml")[0]);

        PlainAssert.Equal(value, readBack);
    }

    [Fact]
    public void Nested_values_read_back_unchanged()
    {
        var value = Vars.Of(
            ("masters", Vars.List("m1", "m2")),
            ("empty", Vars.List()),
            ("none", null),
            ("n", 3L),
            ("f", 1.5),
            ("b", false),
            ("nested", Vars.List(Vars.Of(("a", 1L), ("b", Vars.List(Vars.List("x")))), Vars.Of())));

        var readBack = YamlValues.ToPlain(YamlLoader.Parse(YamlText.Write(value), "x.yaml")[0]);

        PlainAssert.Equal(value, readBack);
    }
}
