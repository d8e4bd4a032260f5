using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Commands;

namespace Orchestrator.Transport.Tests.Unit;

public sealed class CommandScriptTests
{
    [Fact]
    public void A_plain_command_is_sent_unchanged()
    {
        Assert.Equal("echo 'a b' | wc -c", CommandScript.Compose(new CommandRequest("echo 'a b' | wc -c"), "/tmp/s"));
    }

    [Fact]
    public void Shared_functions_come_just_before_the_command_unless_the_session_has_them()
    {
        var request = new CommandRequest("__f") { WorkingDirectory = "/srv", SharedFunctions = "__f() { :; }" };

        Assert.Equal("cd -- /srv || exit 1\n__f() { :; }\n__f", CommandScript.Compose(request, "/tmp/s"));
        Assert.Equal("cd -- /srv || exit 1\n__f", CommandScript.Compose(request, "/tmp/s", functionsDefined: true));
    }

    [Fact]
    public void A_users_command_reads_its_environment_from_stdin_so_no_value_is_in_its_arguments()
    {
        var request = new CommandRequest("env")
        {
            WorkingDirectory = "/srv/my app",
            Environment = new Dictionary<string, string> { ["A"] = "x'y\nsecond line", ["EMPTY"] = "" },
            Stdin = "input"u8.ToArray(),
        };

        Assert.Equal("cd -- '/srv/my app' || exit 1\n" + CommandScript.EnvironmentReader + "env", CommandScript.Compose(request, "/tmp/s"));
        Assert.Equal("3\nexport A='x'\"'\"'y\nsecond line'\nexport EMPTY=''\ninput", Encoding.UTF8.GetString(CommandScript.Stdin(request)));
    }

    [Fact]
    public void Our_own_script_keeps_its_exports_unless_sudo_runs_it()
    {
        var request = new CommandRequest("stat x") { IsInternal = true, Environment = new Dictionary<string, string> { ["PATH"] = "/bin" } };

        Assert.Equal("export PATH=/bin\nstat x", CommandScript.Compose(request, "/tmp/s"));
        Assert.Empty(CommandScript.Stdin(request));
        Assert.Contains(CommandScript.EnvironmentReader, CommandScript.Compose(request with { Become = new BecomeOptions() }, "/tmp/s"), StringComparison.Ordinal);
        Assert.Equal("1\nexport PATH=/bin\n"u8.ToArray(), CommandScript.Stdin(request with { Become = new BecomeOptions() }));
    }

    [Fact]
    public void Without_environment_stdin_is_the_requests_own()
    {
        Assert.Equal("in"u8.ToArray(), CommandScript.Stdin(new CommandRequest("cat") { Stdin = "in"u8.ToArray() }));
        Assert.Empty(CommandScript.Stdin(new CommandRequest("true")));
    }

    [Fact]
    public void A_timeout_wraps_the_script_in_timeout_with_a_kill_fallback()
    {
        var script = CommandScript.Compose(new CommandRequest("sleep 9") { Timeout = TimeSpan.FromMilliseconds(1500) }, "/tmp/s");
        Assert.Equal("exec timeout -k 5 1.5s /bin/sh -c 'sleep 9'", script);
        Assert.Contains(" 0.001s ", CommandScript.Compose(new CommandRequest("x") { Timeout = TimeSpan.Zero }, "/tmp/s"), StringComparison.Ordinal);
    }

    [Fact]
    public void Become_without_password_uses_sudo_n_and_keeps_the_environment_inside()
    {
        var request = new CommandRequest("id")
        {
            Become = new BecomeOptions("post gres"),
            Environment = new Dictionary<string, string> { ["A"] = "1" },
            Timeout = TimeSpan.FromSeconds(3),
        };
        Assert.Equal(
            "exec sudo -H -n -u 'post gres' -- timeout -k 5 3s /bin/sh -c " + ShellQuote.Quote(CommandScript.EnvironmentReader + "id"),
            CommandScript.Compose(request, "/tmp/s"));
    }

    [Fact]
    public void Become_with_password_uses_the_askpass_helper_and_never_the_password()
    {
        var request = new CommandRequest("id") { Become = new BecomeOptions("root", "hunter2") };
        var script = CommandScript.Compose(request, "/tmp/orch.x");
        Assert.Equal("SUDO_ASKPASS=/bin/sh exec sudo -H -A -p /tmp/orch.x/a -u root -- /bin/sh -c id", script);
        Assert.DoesNotContain("hunter2", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1A")]
    [InlineData("A-B")]
    [InlineData("")]
    [InlineData("A B")]
    public void Invalid_environment_names_are_refused(string name)
    {
        var request = new CommandRequest("env") { Environment = new Dictionary<string, string> { [name] = "v" } };
        Assert.Throws<ArgumentException>(() => CommandScript.Compose(request, "/tmp/s"));
    }
}
