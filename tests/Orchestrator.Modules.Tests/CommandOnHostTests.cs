using Orchestrator.Modules.Commands;
using Orchestrator.Modules.Tests.Support;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests;

/// <summary>command and shell against this machine's shell.</summary>
public sealed class CommandOnHostTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Command_passes_each_word_literally_without_a_shell()
    {
        var marker = temp["pwned"];
        var result = await RunAsync(new CommandModule(), new ShellTransport(), Args("cmd", $"printf '%s|' \"$(touch {marker})\" '`id`' $HOME 'a  b' *"));

        Assert.True(result.Changed);
        Assert.Equal(0, result.ReturnCode);
        Assert.Equal($"$(touch {marker})|`id`|$HOME|a  b|*|", result.Stdout);
        Assert.False(File.Exists(marker));
        Assert.Equal(new List<object?> { "printf", "%s|", $"$(touch {marker})", "`id`", "$HOME", "a  b", "*" }, result.Data["cmd"]);
    }

    [Fact]
    public async Task Shell_runs_shell_code_with_chdir_and_stdin()
    {
        var result = await RunAsync(
            new ShellModule(), new ShellTransport(), Args("cmd", "pwd; tr a-z A-Z; echo err >&2", "chdir", temp.Path, "stdin", "héllo 'x' $(y)"));

        Assert.Equal(0, result.ReturnCode);
        Assert.Equal($"{temp.Path}\nHéLLO 'X' $(Y)", result.Stdout);
        Assert.Equal("err", result.Stderr);
        Assert.Equal("pwd; tr a-z A-Z; echo err >&2", result.Data["cmd"]);
    }

    [Fact]
    public async Task Shell_with_an_executable_runs_it()
    {
        var result = await RunAsync(new ShellModule(), new ShellTransport(), Args("cmd", "echo \"$0\"", "executable", "/bin/bash"));

        Assert.Equal("/bin/bash", result.Stdout);
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_rc_and_output()
    {
        var result = await RunAsync(new CommandModule(), new ShellTransport(), Args("argv", new List<object?> { "sh", "-c", "echo out; echo bad >&2; exit 3" }));

        Assert.True(result.Failed);
        Assert.Equal(3, result.ReturnCode);
        Assert.Equal("out", result.Stdout);
        Assert.Equal("bad", result.Stderr);
        Assert.Equal("non-zero return code", result.Message);
    }

    [Fact]
    public async Task Creates_runs_once_then_skips_with_one_question_of_our_own()
    {
        var created = temp["created"];
        var arguments = Args("cmd", $"touch {created}", "creates", "created", "chdir", temp.Path);

        var runs = new ShellTransport();
        var first = await RunAsync(new CommandModule(), runs, arguments);
        var skips = new ShellTransport();
        var second = await RunAsync(new CommandModule(), skips, arguments);

        Assert.True(first.Changed);
        Assert.True(File.Exists(created));
        Assert.Equal([true, false], runs.Requests.Select(r => r.IsInternal));
        Assert.False(second.Changed);
        Assert.False(second.Skipped);
        Assert.Equal("Did not run command since 'created' exists", second.Message);
        Assert.Equal("skipped, since created exists", second.Stdout);
        Assert.True(Assert.Single(skips.Requests).IsInternal);
    }

    [Theory]
    [InlineData("creates", true)]
    [InlineData("removes", false)]
    public async Task Under_become_creates_and_removes_are_checked_by_the_command_s_own_shell(string guard, bool pathExists)
    {
        var path = temp["guarded"];
        if (pathExists)
        {
            File.WriteAllText(path, "x");
        }

        var transport = new ShellTransport();
        var module = new CommandModule();
        var (_, result) = await RunAsync(module, Context(module, Args("cmd", "false", guard, path), transport) with { Become = true });

        Assert.False(result.Changed);
        Assert.False(result.Failed);
        Assert.False(Assert.Single(transport.Requests).IsInternal);
    }

    // Without chdir the question is an if for the session's own shell; both orders of creates and removes, over
    // the product's LocalTransport, whose loop runs it there.
    [Theory]
    [InlineData(true, true, "Did not run command since 'CREATES' exists")]
    [InlineData(false, false, "Did not run command since 'REMOVES' does not exist")]
    [InlineData(true, false, "Did not run command since 'CREATES' exists")]
    [InlineData(false, true, null)]
    public async Task Without_chdir_creates_and_removes_are_asked_in_the_session_s_own_shell(bool createsExists, bool removesExists, string? skipped)
    {
        var (creates, removes) = (temp["creates"], temp["removes"]);
        if (createsExists)
        {
            File.WriteAllText(creates, "x");
        }

        if (removesExists)
        {
            File.WriteAllText(removes, "x");
        }

        var arguments = Args("cmd", "echo ran", "creates", creates, "removes", removes);
        var asked = new ShellTransport();
        await RunAsync(new CommandModule(), asked, arguments);
        Assert.True(asked.Requests[0].InSessionShell);
        Assert.False(Assert.Single((await RunWithChdirAsync()).Requests.Take(1)).InSessionShell);

        await using var session = new Orchestrator.Transport.LocalTransport();
        var result = await RunAsync(new CommandModule(), session, arguments);
        Assert.Equal(skipped?.Replace("CREATES", creates, StringComparison.Ordinal).Replace("REMOVES", removes, StringComparison.Ordinal) ?? "", result.Message);
        Assert.Equal(skipped is null ? "ran" : $"skipped, since {(createsExists ? creates + " exists" : removes + " does not exist")}", result.Stdout);

        async Task<ShellTransport> RunWithChdirAsync()
        {
            var withChdir = new ShellTransport();
            await RunAsync(new CommandModule(), withChdir, Args("cmd", "echo ran", "creates", creates, "removes", removes, "chdir", temp.Path));
            return withChdir;
        }
    }

    // Ansible's creates/removes are globs; the pattern is expanded by the shell and nothing else in it is interpreted.
    [Theory]
    [InlineData("creates", "*.done", "skipped")]
    [InlineData("creates", "*.nothing", "ran")]
    [InlineData("removes", "[xy]*.done", "skipped")]
    [InlineData("removes", "[ab]*", "ran")]
    [InlineData("creates", "$(touch pwned)*;`touch pwned2`'\"", "ran")]
    public async Task Creates_and_removes_match_globs_in_the_session_shell_and_through_chdir(string guard, string pattern, string expected)
    {
        File.WriteAllText(temp["a b.done"], "x");
        pattern = pattern.Replace("touch pwned", "touch " + temp["pwned"], StringComparison.Ordinal);
        foreach (var chdir in new[] { false, true })
        {
            await using var session = new Orchestrator.Transport.LocalTransport();
            var arguments = chdir
                ? Args("cmd", "echo ran", guard, Path.Combine(temp.Path, pattern), "chdir", temp.Path)
                : Args("cmd", "echo ran", guard, Path.Combine(temp.Path, pattern));
            var result = await RunAsync(new CommandModule(), session, arguments);

            Assert.StartsWith(expected, result.Stdout, StringComparison.Ordinal);
            Assert.False(File.Exists(temp["pwned"]));
            Assert.False(File.Exists(temp["pwned2"]));
        }
    }

    [Fact]
    public async Task Removes_runs_only_while_the_path_exists()
    {
        var path = temp["to-remove"];
        File.WriteAllText(path, "x");
        var arguments = Args("cmd", $"rm {path}", "removes", path);

        Assert.True((await RunAsync(new ShellModule(), new ShellTransport(), arguments)).Changed);
        Assert.False(File.Exists(path));
        Assert.False((await RunAsync(new ShellModule(), new ShellTransport(), arguments)).Changed);
    }

    // Ansible 2.14: with creates/removes, check mode reports what the guard says (ok, or changed without running);
    // without them it skips. Over the product's LocalTransport, whose loop answers the question in its own shell.
    [Fact]
    public async Task Check_mode_with_creates_reports_ok_when_it_exists_and_changed_without_running_otherwise()
    {
        File.WriteAllText(temp["exists"], "x");
        var ran = temp["ran"];
        await using var session = new Orchestrator.Transport.LocalTransport();
        var exists = await RunAsync(new CommandModule(), session, Args("cmd", $"touch {ran}", "creates", temp["exists"]), check: true);
        var missing = await RunAsync(new CommandModule(), session, Args("cmd", $"touch {ran}", "creates", temp["missing"]), check: true);
        var unguarded = await RunAsync(new CommandModule(), session, Args("cmd", $"touch {ran}"), check: true);

        Assert.False(exists.Changed);
        Assert.False(exists.Skipped);
        Assert.Equal($"Would not run command since '{temp["exists"]}' exists", exists.Message);
        Assert.True(missing.Changed);
        Assert.False(missing.Skipped);
        Assert.Equal("Command would have run if not in check mode", missing.Message);
        Assert.Equal(0, missing.ReturnCode);
        Assert.True(unguarded.Skipped);
        Assert.False(File.Exists(ran));
    }
}
