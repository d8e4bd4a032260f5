using Orchestrator.Playbooks.Parsing;

namespace Orchestrator.Playbooks.Tests;

public sealed class SplitterTests
{
    [Theory]
    [InlineData("a=1 b='x y'  c=\"p q\"", new[] { "a=1", "b='x y'", "c=\"p q\"" })]
    [InlineData("msg={{ a | default('b c') }} x=1", new[] { "msg={{ a | default('b c') }}", "x=1" })]
    [InlineData("  lead  trail  ", new[] { "lead", "trail" })]
    [InlineData("", new string[0])]
    public void Splits_on_whitespace_outside_quotes_and_templates(string text, string[] words)
    {
        Assert.Equal(words, ArgumentSplitter.Split(text, out _)!.Select(t => t.Text));
    }

    [Fact]
    public void An_unterminated_quote_is_found()
    {
        Assert.Null(ArgumentSplitter.Split("a=1 b='oops", out var index));
        Assert.Equal(6, index);
    }

    [Theory]
    [InlineData("dest=\"b c\"", "dest", "b c")]
    [InlineData("msg='it\\'s'", "msg", "it's")]
    [InlineData("mode=0644", "mode", "0644")]
    [InlineData("k=", "k", "")]
    [InlineData("content=\"a\\tb\\n\"", "content", "a\tb\n")]
    [InlineData("content=a\\\\nb", "content", "a\\nb")]
    [InlineData("msg=\"say \\\"hi\\\"\"", "msg", "say \"hi\"")]
    [InlineData("c=\\x41\\u00e9\\U0001F600", "c", "A\u00e9\U0001F600")]
    [InlineData("regexp=^a\\.b\\s", "regexp", "^a\\.b\\s")]
    [InlineData("k=\\ud800", "k", "\\ud800")]
    public void Key_value_words_are_unquoted(string word, string key, string value)
    {
        Assert.True(KeyValueWord.TryParse(word, out var k, out var v));
        Assert.Equal((key, value), (k, v));
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("=value")]
    [InlineData("bad-key=1")]
    public void Other_words_are_not_key_values(string word)
    {
        Assert.False(KeyValueWord.TryParse(word, out _, out _));
    }

    [Theory]
    [InlineData("hsots", "hosts")]
    [InlineData("whne", "when")]
    [InlineData("comand", "command")]
    [InlineData("zzzzzz", null)]
    public void Suggests_close_names(string word, string? expected)
    {
        Assert.Equal(expected, Suggest.Closest(word, ["hosts", "when", "command", "name"]));
    }
}
