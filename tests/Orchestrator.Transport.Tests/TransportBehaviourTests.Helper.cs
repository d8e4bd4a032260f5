using Orchestrator.Core.Transport;

namespace Orchestrator.Transport.Tests;

/// <summary>The session's helper (SessionHelper's snippets, answered by a Perl process beside the loop), for every transport.</summary>
public abstract partial class TransportBehaviourTests
{
    private const string KillHelper = "pkill -P $$ -f 'orchestrate session helper'";

    private static readonly string StatProgram = $"stat -c {ShellQuote.Quote(SessionHelper.StatFormat)}";

    [Fact]
    public async Task The_helper_answers_stat_line_for_line_as_stat_does()
    {
        await MakeSampleFilesAsync();
        var paths = string.Join(' ', new[] { "file", "setuid", "orphan", "folder", "link", "dangling", "fifo" }.Select(p => $"{Scratch}/{p}")) + " /dev/null /";
        foreach (var follow in new[] { false, true })
        {
            var followed = follow ? paths.Replace($" {Scratch}/dangling", "", StringComparison.Ordinal) : paths;
            var helper = await Internal($"set -- {followed}\n{SessionHelper.StatInto("__N", follow)}\nprintf '%s %s\\n' \"$__h\" \"$__N\"");
            var program = await RunAsync($"{(follow ? StatProgram.Replace("stat", "stat -L", StringComparison.Ordinal) : StatProgram)} -- {followed}");
            Assert.Equal(0, program.ExitCode);
            Assert.Equal("1 " + program.StdoutText, helper.StdoutText);
        }

        // A path that fails the batch: the helper says so, and stat (which then runs) fails as well.
        var missing = await Internal($"set -- {Scratch}/file {Scratch}/missing\n__hs s \"$@\" && echo answered\n{SessionHelper.StatInto("__N", false)}\necho \"[$__N]\"");
        Assert.Equal("[-]\n", missing.StdoutText);
    }

    [Fact]
    public async Task The_helper_makes_directories_as_mkdir_p_m_does()
    {
        var byHelper = await Internal($"__hc d 0750 {Scratch}/a/b/c && __hc d 0700 {Scratch}/a/b/c && echo answered");
        Assert.Equal("answered\n", byHelper.StdoutText);
        Assert.Equal(0, (await RunAsync($"cd {Scratch} && mkdir -p -m 0750 -- x/y/z")).ExitCode);
        var modes = await RunAsync($"cd {Scratch} && stat -c %a a a/b a/b/c && stat -c %a x x/y x/y/z");
        var lines = modes.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines[3..], lines[..3]);
        Assert.Equal("750", lines[2]);

        // A relative path is the asking script's (which may have changed directory), so mkdir makes it.
        var relative = await Internal($"cd {Scratch} && __hc d 0700 r/s || {SessionHelper.MakeDirectory("0700", "r/s")} && echo made");
        Assert.Equal("made\n", relative.StdoutText);
        Assert.Equal("700\n", (await RunAsync($"stat -c %a {Scratch}/r/s")).StdoutText);

        // Not a directory in the way: the helper declines and mkdir reports it in its own words.
        var blocked = await Internal($"cd {Scratch} && : >plain && {SessionHelper.MakeDirectory("0755", "plain/sub")}");
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Contains("mkdir: cannot create directory", blocked.StderrText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_helper_renames_and_leaves_a_refusal_to_mv()
    {
        var moved = await Internal($"cd {Scratch} && echo one >from && __hc m {Scratch}/from {Scratch}/to && cat to && [ ! -e from ] && echo gone");
        Assert.Equal("one\ngone\n", moved.StdoutText);

        var refused = await Internal($"cd {Scratch} && mkdir folder && echo two >from && {SessionHelper.Rename($"{Scratch}/from", $"{Scratch}/folder")}");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("mv: cannot overwrite directory", refused.StderrText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_helper_answers_the_name_hostname_f_prints()
    {
        var byHelper = await Internal("__hc f && IFS= read -r __v <&9 && printf 'answered %s\\n' \"$__v\"");
        var program = await RunAsync("hostname -f || hostname");
        var snippet = await Internal(SessionHelper.FullHostName);

        Assert.Equal($"answered {program.StdoutText}", byHelper.StdoutText);
        Assert.Equal(program.StdoutText, snippet.StdoutText);
    }

    [Fact]
    public async Task Commands_run_without_the_helper_s_pipes()
    {
        Assert.Equal("1\n", (await Internal("echo \"$__h\"; [ -e /proc/self/fd/8 ] && [ -e /proc/self/fd/9 ] || echo closed")).StdoutText);
        Assert.Equal("end\n", (await RunAsync("for f in 8 9; do [ -e /proc/self/fd/$f ] && echo $f; done; echo end")).StdoutText);
    }

    [Fact]
    public async Task Without_its_helper_a_session_uses_the_programs_and_never_waits()
    {
        Assert.Equal(0, (await Internal(KillHelper)).ExitCode);
        var gone = await Internal("i=0; while [ $i -lt 100 ] && __hc s /; do sleep 0.05; i=$((i + 1)); done; echo $i");
        Assert.NotEqual("100\n", gone.StdoutText);

        // Every snippet falls back: a stat batch, a new directory, an upload's rename (twice: a dead helper's
        // pipe must not fill up or block) and the full host name.
        var stat = await Internal($"set -- /\n{SessionHelper.StatInto("__N", false)}\nprintf '%s\\n' \"$__N\"");
        Assert.Equal((await RunAsync($"{StatProgram} -- /")).StdoutText, stat.StdoutText);
        Assert.Equal(0, (await Internal(SessionHelper.MakeDirectory("0700", $"{Scratch}/d/e"))).ExitCode);
        Assert.Equal("700\n", (await RunAsync($"stat -c %a {Scratch}/d/e")).StdoutText);
        for (var i = 0; i < 2; i++)
        {
            await PutAsync(new FileUpload($"{Scratch}/d/e/f", "content"u8.ToArray()));
        }

        Assert.Equal("content"u8.ToArray(), await FetchAsync($"{Scratch}/d/e/f"));
        Assert.Equal((await RunAsync("hostname -f || hostname")).StdoutText, (await Internal(SessionHelper.FullHostName)).StdoutText);
    }

    // The loop asks the helper to remove the session folder as it exits, or runs rm -rf when the helper is gone.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_helper_ends_with_its_session_and_the_session_folder_goes_with_them(bool helperKilledFirst)
    {
        var session = CreateTransport();
        int helper;
        string folder;
        try
        {
            var found = await session.RunAsync(new CommandRequest("pgrep -P $$ -f 'orchestrate session helper'; echo \"$__d\"") { IsInternal = true }, CancellationToken.None).WaitAsync(CallLimit);
            var lines = found.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            helper = int.Parse(lines[0], System.Globalization.CultureInfo.InvariantCulture);
            folder = lines[1];
            Assert.True(Directory.Exists(folder), folder);
            if (helperKilledFirst)
            {
                await session.RunAsync(new CommandRequest(KillHelper) { IsInternal = true }, CancellationToken.None).WaitAsync(CallLimit);
            }
        }
        finally
        {
            await session.DisposeAsync().AsTask().WaitAsync(CallLimit);
        }

        // Bounded: the helper sees end of file on its request pipe as the loop exits.
        for (var i = 0; i < 100 && (Directory.Exists($"/proc/{helper}") || Directory.Exists(folder)); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(Directory.Exists($"/proc/{helper}"), $"helper {helper} is still running");
        Assert.False(Directory.Exists(folder), $"{folder} is left");
    }

    private Task<CommandResult> Internal(string script) => RunAsync(new CommandRequest(script) { IsInternal = true });

    private async Task MakeSampleFilesAsync()
    {
        var made = await RunAsync(
            $"cd {Scratch} && echo data >file && chmod 0640 file && : >setuid && chmod 4755 setuid && mkdir folder"
            + " && ln -s file link && ln -s nowhere dangling && mkfifo fifo && : >orphan");
        Assert.Equal(0, made.ExitCode);

        // A file whose owner has no name (stat prints UNKNOWN); only where the connection user may give files away.
        await RunAsync($"cd {Scratch} && chown 54321:54321 orphan 2>/dev/null || :");
    }
}
