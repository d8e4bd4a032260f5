using Orchestrator.Transport.Ssh;

namespace Orchestrator.Transport.Tests.Unit;

/// <summary>The multiplexing options found in ansible_ssh_common_args, read as ssh reads its command line.</summary>
public sealed class UserMultiplexingTests
{
    [Theory]
    [InlineData("60s", "-o", "ControlPersist=60s")]
    [InlineData("60", "-oControlPersist=60")]
    [InlineData("yes", "-o", "ControlPersist yes")]
    [InlineData("10m", "-o", "controlpersist = 10m")]
    [InlineData("1h", "-o", " CONTROLPERSIST=\"1h\"")]
    [InlineData("30", "-4Co", "ControlPersist=30")]
    [InlineData("30", "-4CoControlPersist=30")]
    [InlineData("5s", "-F", "/dev/null", "-o", "ControlPersist=5s", "-o", "ControlPersist=no")]
    public void ControlPersist_is_found_in_every_form_ssh_accepts_and_the_first_one_counts(string expected, params string[] words)
    {
        var user = UserMultiplexing.From(words);
        Assert.Equal(expected, user.ControlPersistValue);
        Assert.True(user.KeepsMaster);
        Assert.False(user.ChoosesControlPath);
    }

    [Theory]
    [InlineData("-o", "ControlPersist=no")]
    [InlineData("-o", "ControlPersist=false")]
    [InlineData("-o", "ProxyJump=bastion")]
    [InlineData("-F", "-oControlPersist=60")]
    [InlineData("-o", "ControlPersistence=60")]
    [InlineData("-o", "ControlPersist=banana")]
    [InlineData("--", "-o", "ControlPersist=60")]
    [InlineData("host", "-o", "ControlPersist=60")]
    public void No_or_an_option_that_is_not_ControlPersist_keeps_the_default(params string[] words)
    {
        Assert.False(UserMultiplexing.From(words).KeepsMaster);
    }

    [Fact]
    public void The_first_ControlPersist_wins_even_when_it_says_no()
    {
        Assert.False(UserMultiplexing.From(["-o", "ControlPersist=no", "-o", "ControlPersist=60"]).KeepsMaster);
    }

    [Fact]
    public void A_ControlPath_is_kept_as_written_and_S_counts_as_one()
    {
        var user = UserMultiplexing.From(["-o", "ControlPersist=60", "-o", "controlpath=~/.ssh/cm-%C", "-o", "ControlPath=/other"]);
        Assert.Equal("controlpath=~/.ssh/cm-%C", user.ControlPathOption);
        Assert.True(user.ChoosesControlPath);
        Assert.Equal("ControlPersist=60", user.ControlPersistOption);

        var flag = UserMultiplexing.From(["-S", "/run/cm", "-o", "ControlPersist=60"]);
        Assert.True(flag.HasControlPathFlag);
        Assert.Null(flag.ControlPathOption);
        Assert.True(flag.ChoosesControlPath);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("true", true)]
    [InlineData("0", true)]
    [InlineData("60", true)]
    [InlineData("60s", true)]
    [InlineData("1h30m", true)]
    [InlineData("2W", true)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("YES", false)]
    [InlineData("", false)]
    [InlineData("-5", false)]
    [InlineData("5x", false)]
    [InlineData("m", false)]
    [InlineData("99999999999", false)]
    public void ControlPersist_values_are_read_as_ssh_config_reads_them(string value, bool keeps)
    {
        Assert.Equal(keeps, ControlPersistArgument.KeepsMaster(value));
    }

    [Theory]
    [InlineData("ControlPath=/a b", "ControlPath", "/a")]
    [InlineData("ControlPath \"/a b/%C\"", "ControlPath", "/a b/%C")]
    [InlineData("  Port=22", "Port", "22")]
    [InlineData("Port", "Port", "")]
    public void A_config_line_splits_into_keyword_and_first_argument(string line, string keyword, string argument)
    {
        Assert.Equal((keyword, argument), SshArguments.ConfigLine(line));
    }
}
