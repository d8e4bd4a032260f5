using Orchestrator.Core.Matching;

namespace Orchestrator.Core.Tests.Matching;

/// <summary>Globs read as Python's fnmatch reads them (Ansible's host patterns, apt versions, --start-at-task).</summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("web*", "web1", true)]
    [InlineData("web*", "db1", false)]
    [InlineData("*1", "web1", true)]
    [InlineData("we?1", "web1", true)]
    [InlineData("we?1", "we1", false)]
    [InlineData("web[12]", "web2", true)]
    [InlineData("web[1-3]", "web3", true)]
    [InlineData("web[!1-3]", "web3", false)]
    [InlineData("web[!1-3]", "web4", true)]
    [InlineData("1.4.*", "1.4.2-1ubuntu1", true)]
    [InlineData("1.4.*", "1.40", false)]
    [InlineData("Web*", "web1", false)]
    [InlineData("a.b", "axb", false)]
    [InlineData("[x", "[x", true)]
    [InlineData("second marker", "second marker", true)]
    public void Matches_the_whole_text_as_fnmatch_does(string glob, string text, bool matches) =>
        Assert.Equal(matches, Glob.IsMatch(glob, text));

    [Theory]
    [InlineData("web*", true)]
    [InlineData("w?b", true)]
    [InlineData("web[12]", true)]
    [InlineData("web1", false)]
    public void Knows_a_glob_from_a_plain_name(string text, bool isGlob) => Assert.Equal(isGlob, Glob.IsGlob(text));
}
