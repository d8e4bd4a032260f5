using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Core.Tests.Yaml;

/// <summary>Plain scalars are typed as PyYAML (YAML 1.1) types them, because that is what Ansible users write against.</summary>
public sealed class YamlScalarTypingTests
{
    [Theory]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("YES")]
    [InlineData("on")]
    [InlineData("On")]
    [InlineData("ON")]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    public void Yaml_1_1_true_words(string text) => Assert.Equal(true, YamlScalarTyping.ResolvePlain(text));

    [Theory]
    [InlineData("no")]
    [InlineData("No")]
    [InlineData("NO")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("OFF")]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    public void Yaml_1_1_false_words(string text) => Assert.Equal(false, YamlScalarTyping.ResolvePlain(text));

    [Theory]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("yEs")]
    [InlineData("oN")]
    [InlineData("tRUE")]
    [InlineData("enabled")]
    public void Other_spellings_stay_strings(string text) => Assert.Equal(text, YamlScalarTyping.ResolvePlain(text));

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    [InlineData("Null")]
    [InlineData("NULL")]
    public void Null_words(string text) => Assert.Null(YamlScalarTyping.ResolvePlain(text));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12", 12L)]
    [InlineData("-12", -12L)]
    [InlineData("+12", 12L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0644", 420L)]
    [InlineData("0755", 493L)]
    [InlineData("00", 0L)]
    [InlineData("-010", -8L)]
    [InlineData("0o17", 15L)]
    [InlineData("0O17", 15L)]
    [InlineData("0x1F", 31L)]
    [InlineData("0xff", 255L)]
    [InlineData("-0x10", -16L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integers_including_yaml_1_1_octal_and_hex(string text, long expected)
    {
        var value = YamlScalarTyping.ResolvePlain(text);

        Assert.IsType<long>(value);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.10", 1.1)]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("+2.0", 2.0)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("6.02e+23", 6.02e23)]
    public void Decimals_are_doubles(string text, double expected)
    {
        var value = YamlScalarTyping.ResolvePlain(text);

        Assert.IsType<double>(value);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("09")]
    [InlineData("08")]
    [InlineData("0779")]
    [InlineData("1.4.0")]
    [InlineData("1e3")]
    [InlineData("0x")]
    [InlineData("0o")]
    [InlineData("0o8")]
    [InlineData("0xZZ")]
    [InlineData("12abc")]
    [InlineData("10.0.0.1")]
    [InlineData("1-2")]
    [InlineData("99999999999999999999")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("v1.2")]
    public void Not_quite_numbers_stay_strings(string text) => Assert.Equal(text, YamlScalarTyping.ResolvePlain(text));

    [Theory]
    [InlineData("'yes'")]
    [InlineData("\"0644\"")]
    [InlineData("'1.10'")]
    [InlineData("\"~\"")]
    [InlineData("''")]
    [InlineData("'null'")]
    [InlineData("\"12\"")]
    public void Quoted_scalars_are_always_strings(string written)
    {
        var scalar = ScalarOf(written);

        Assert.Equal(written[1..^1], scalar.ToPlain());
    }

    [Fact]
    public void Block_scalars_are_strings()
    {
        var scalar = ScalarOf("|\n  12\n");

        Assert.Equal("12\n", scalar.ToPlain());
    }

    [Fact]
    public void Str_tag_keeps_the_text()
    {
        Assert.Equal("0644", ScalarOf("!!str 0644").ToPlain());
        Assert.Equal("yes", YamlScalarTyping.Resolve(new YScalar(SourceLocation.None, "yes", false, "tag:yaml.org,2002:str")));
    }

    [Fact]
    public void Plain_scalars_in_a_document_are_typed()
    {
        var scalar = ScalarOf("0644");

        Assert.Equal(420L, scalar.ToPlain());
    }

    private static YScalar ScalarOf(string written)
    {
        var root = Assert.IsType<YMapping>(Assert.Single(YamlLoader.Parse("k: " + written + "\n", "t.yaml")));
        return Assert.IsType<YScalar>(root["k"]);
    }
}
