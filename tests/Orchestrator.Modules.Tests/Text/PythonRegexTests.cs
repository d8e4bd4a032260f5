using Orchestrator.Modules.Text;

namespace Orchestrator.Modules.Tests.Text;

/// <summary>Python patterns and match.expand templates on .NET's regex engine.</summary>
public sealed class PythonRegexTests
{
    [Theory]
    [InlineData(@"^(?P<key>\w+)=(?P=key)$", @"^(?<1>\w+)=\k<1>$")]
    [InlineData(@"(a)(?:b)(?=c)(?<=d)(?!e)(f)", @"(?<1>a)(?:b)(?=c)(?<=d)(?!e)(?<2>f)")]
    [InlineData(@"\(literal\) [(]x[)] []a(] [^](]", @"\(literal\) [(]x[)] []a(] [^](]")]
    [InlineData(@"a{,3}b{2,}c{,}", @"a{0,3}b{2,}c{,}")]
    [InlineData(@"end\Z [\Z]", @"end\z [\Z]")]
    public void Python_spellings_become_dotnet_ones(string python, string dotnet) =>
        Assert.Equal(dotnet, PythonRegex.Convert(python).Pattern);

    [Fact]
    public void Groups_are_numbered_in_python_order_with_named_ones_included()
    {
        var pattern = PythonRegex.Create(@"(?P<name>\w+) (\d+)(x)?");
        var match = pattern.Match("abc 42");

        Assert.Equal(new List<object?> { "abc", "42", null }, pattern.Groups(match));
        Assert.Equal(new Dictionary<string, object?> { ["name"] = "abc" }, pattern.GroupDictionary(match));
        Assert.Equal("42 abc", PythonTemplate.Expand(@"\2 \1", pattern, match));
        Assert.Equal("abc-", PythonTemplate.Expand(@"\g<name>-\3", pattern, match));
    }

    [Theory]
    [InlineData(@"\1\g<1>0", "770")]
    [InlineData(@"a\tb\nc\\d", "a\tb\nc\\d")]
    [InlineData(@"\.\-\ ", @"\.\-\ ")]
    [InlineData(@"\0\101", "\0A")]
    [InlineData(@"trailing\", @"trailing\")]
    public void Templates_expand_like_python(string template, string expected)
    {
        var pattern = PythonRegex.Create("(7)");

        Assert.Equal(expected, PythonTemplate.Expand(template, pattern, pattern.Match("7")));
    }

    [Theory]
    [InlineData(@"\q")]
    [InlineData(@"\2")]
    [InlineData(@"\g<nope>")]
    [InlineData(@"\g<1")]
    public void Bad_templates_are_errors(string template)
    {
        var pattern = PythonRegex.Create("(7)");

        Assert.Throws<FormatException>(() => PythonTemplate.Expand(template, pattern, pattern.Match("7")));
    }

    [Fact]
    public void An_invalid_pattern_is_reported_with_the_argument_name()
    {
        var (pattern, error) = PythonRegex.TryCreate("regexp", "(unclosed");

        Assert.Null(pattern);
        Assert.StartsWith("invalid regexp '(unclosed': ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catastrophic_pattern_times_out_instead_of_hanging()
    {
        var pattern = PythonRegex.Create("^(a+)+$");

        Assert.Throws<System.Text.RegularExpressions.RegexMatchTimeoutException>(() => pattern.IsMatch(new string('a', 40) + "!"));
    }
}
