using Orchestrator.Core.Output;
using Orchestrator.Output.Console;

namespace Orchestrator.Output.Tests;

public sealed class RecapLineTests
{
    [Fact]
    public void Pads_like_ansible_hostcolor_and_colorize()
    {
        // ansible: "%-26s" host, " : ", then "%s=%-4s" per count joined by single spaces (so the line ends in spaces).
        var line = RecapLine.Format("localhost", new HostStats { Ok = 1 }, colour: false);

        Assert.Equal("localhost                  : ok=1    changed=0    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ", line);
    }

    [Fact]
    public void Long_names_and_counts_push_the_columns_instead_of_being_cut()
    {
        var line = RecapLine.Format("a-very-long-host-name.example.org", new HostStats { Ok = 12345, Changed = 10 }, colour: false);

        Assert.StartsWith("a-very-long-host-name.example.org : ok=12345 changed=10   unreachable=0", line);
    }

    [Fact]
    public void Coloured_host_keeps_the_visible_width()
    {
        var line = RecapLine.Format("h1", new HostStats { Ok = 3, Changed = 1 }, colour: true);

        Assert.StartsWith("\u001b[0;33mh1\u001b[0m" + new string(' ', 24) + " : \u001b[0;32mok=3   \u001b[0m \u001b[0;33mchanged=1   \u001b[0m unreachable=0    ", line);
    }

    [Theory]
    [InlineData(0, 0, 0, "0;32")]
    [InlineData(1, 0, 0, "0;33")]
    [InlineData(1, 1, 0, "0;31")]
    [InlineData(0, 0, 1, "0;31")]
    public void Host_takes_the_colour_of_its_worst_status(int changed, int failed, int unreachable, string code)
    {
        var stats = new HostStats { Ok = 1, Changed = changed, Failed = failed, Unreachable = unreachable };

        Assert.StartsWith($"\u001b[{code}mh1\u001b[0m", RecapLine.Format("h1", stats, colour: true));
    }
}
