namespace Orchestrator.Inventory.Tests;

public sealed class ShellWordsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("  -o  A=1  ", "-o|A=1")]
    [InlineData("'single \"quoted\"' \"double 'quoted'\"", "single \"quoted\"|double 'quoted'")]
    [InlineData("a\\ b \"c\\\"d\\\\e\\n\"", "a b|c\"d\\e\\n")]
    [InlineData("pre'fix'\"ed\" ''", "prefixed|")]
    public void Splits_like_a_posix_shell(string text, string expected)
    {
        Assert.Null(ShellWords.TrySplit(text, out var words));
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), words);
    }

    [Theory]
    [InlineData("'open", "a single quote is not closed")]
    [InlineData("\"open", "a double quote is not closed")]
    [InlineData("end\\", "it ends with a lone backslash")]
    public void Reports_what_cannot_be_split(string text, string message)
    {
        Assert.Equal(message, ShellWords.TrySplit(text, out _));
    }
}
