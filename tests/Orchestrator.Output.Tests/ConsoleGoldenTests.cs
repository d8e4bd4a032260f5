using System.Text.RegularExpressions;

namespace Orchestrator.Output.Tests;

public sealed partial class ConsoleGoldenTests
{
    [Fact]
    public void Default_output_matches_the_golden_text()
    {
        var actual = ConsoleRun.Capture(new ConsoleOptions { DiffMode = true });

        Assert.Equal(ConsoleRun.Golden("console-default.txt"), actual);
    }

    [Fact]
    public void Verbose_output_matches_the_golden_text()
    {
        var actual = ConsoleRun.Capture(new ConsoleOptions { DiffMode = true, Verbosity = 1 });

        Assert.Equal(ConsoleRun.Golden("console-verbose.txt"), actual);
    }

    [Fact]
    public void Without_colour_there_is_no_escape_character_at_all()
    {
        foreach (var verbosity in new[] { 0, 1, 2, 3 })
        {
            var actual = ConsoleRun.Capture(new ConsoleOptions { DiffMode = true, Verbosity = verbosity }, checkMode: true);

            Assert.DoesNotContain('\u001b', actual);
        }
    }

    [Fact]
    public void Colour_only_adds_escape_codes_to_the_plain_text()
    {
        var coloured = ConsoleRun.Capture(new ConsoleOptions { DiffMode = true, Colour = true });

        Assert.Contains('\u001b', coloured);
        Assert.Equal(ConsoleRun.Golden("console-default.txt"), AnsiCode().Replace(coloured, ""));
    }

    [Theory]
    [InlineData("\u001b[0;32mok: [m1]\u001b[0m\n")]
    [InlineData("\u001b[0;33mchanged: [m2]\u001b[0m\n")]
    [InlineData("\u001b[0;36mskipping: [m3]\u001b[0m\n")]
    [InlineData("\u001b[0;31mfatal: [m1]: FAILED! => {")]
    [InlineData("\u001b[1;31mfatal: [m3]: UNREACHABLE! => {")]
    [InlineData("\u001b[0;36m...ignoring\u001b[0m\n")]
    [InlineData("\u001b[1;35m[WARNING]: docker_insecure_tcp")]
    [InlineData("\u001b[0;31m-zk://old:2181/mesos\u001b[0m\n\u001b[0;32m+zk://10.0.0.11:2181/mesos\u001b[0m\n")]
    [InlineData("\u001b[0;36m@@ -1 +1 @@\u001b[0m\n")]
    [InlineData("\u001b[0;32mok: [m2] => {\u001b[0m\n\u001b[0;32m    \"msg\": \"quorum is 2\"\u001b[0m\n\u001b[0;32m}\u001b[0m\n")]
    [InlineData("\u001b[0;33mm2\u001b[0m                         : \u001b[0;32mok=7   \u001b[0m \u001b[0;33mchanged=3   \u001b[0m unreachable=0    failed=0    \u001b[0;36mskipped=1   \u001b[0m rescued=0    \u001b[1;35mignored=1   \u001b[0m\n")]
    [InlineData("\u001b[0;31mm3\u001b[0m                         : ok=0    changed=0    \u001b[1;31munreachable=1   \u001b[0m")]
    public void Colours_are_ansibles(string expected)
    {
        var coloured = ConsoleRun.Capture(new ConsoleOptions { DiffMode = true, Colour = true });

        Assert.Contains(expected, coloured);
    }

    [GeneratedRegex("\u001b\\[[0-9;]*m")]
    private static partial Regex AnsiCode();
}
