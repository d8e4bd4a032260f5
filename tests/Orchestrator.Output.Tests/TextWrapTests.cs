using Orchestrator.Output.Console;

namespace Orchestrator.Output.Tests;

public sealed class TextWrapTests
{
    [Fact]
    public void Wraps_at_word_boundaries_like_python_textwrap()
    {
        var text = "[WARNING]: " + string.Concat(Enumerable.Repeat("word ", 30));

        var lines = TextWrap.Wrap(text, 79);

        Assert.Equal(
            [
                "[WARNING]: " + string.Join(' ', Enumerable.Repeat("word", 13)),
                string.Join(' ', Enumerable.Repeat("word", 16)),
                "word",
            ],
            lines);
    }

    [Fact]
    public void Breaks_words_longer_than_the_width()
    {
        var lines = TextWrap.Wrap("[WARNING]: " + new string('x', 100) + " tail", 40);

        Assert.Equal(["[WARNING]: " + new string('x', 29), new string('x', 40), new string('x', 31) + " tail"], lines);
    }

    [Fact]
    public void Turns_tabs_and_newlines_into_spaces()
    {
        Assert.Equal(["[WARNING]: a  b c d"], TextWrap.Wrap("[WARNING]: a  b\tc\nd", 79));
    }
}
