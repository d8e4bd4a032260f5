using System.Diagnostics;
using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

/// <summary>What every transport must do, run against LocalTransport and against SshTransport over a real sshd.</summary>
public abstract partial class TransportBehaviourTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Upper bound for any single call in these tests, so a hang fails instead of stalling the run.</summary>
    protected static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    private ITransport? transport;

    protected ITestOutputHelper Output { get; } = output;

    protected ITransport Transport => transport ?? throw new InvalidOperationException("not initialized");

    /// <summary>A fresh folder on the host, writable by the connection user.</summary>
    protected string Scratch { get; private set; } = "";

    public async Task InitializeAsync()
    {
        transport = CreateTransport();
        Scratch = (await RunAsync("mktemp -d /tmp/orch-t.XXXXXXXX")).StdoutText.Trim();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync($"rm -rf {ShellQuote.Quote(Scratch)}", become: CleanupBecome);
        }
        finally
        {
            await Transport.DisposeAsync().AsTask().WaitAsync(CallLimit);
        }
    }

    [Fact]
    public async Task Exit_codes_are_reported()
    {
        Assert.Equal(0, (await RunAsync("true")).ExitCode);
        Assert.Equal(3, (await RunAsync("exit 3")).ExitCode);
        Assert.Equal(137, (await RunAsync("kill -9 $$")).ExitCode);
        Assert.Equal(127, (await RunAsync("no-such-command-orch")).ExitCode);
    }

    [Fact]
    public async Task An_internal_script_runs_in_a_subshell_that_starts_clean_and_leaves_nothing_behind()
    {
        Task<CommandResult> Internal(string script, byte[]? stdin = null) =>
            RunAsync(new CommandRequest(script) { IsInternal = true, Stdin = stdin });

        Assert.Equal(3, (await Internal("exit 3")).ExitCode);
        Assert.Equal("0:\n", (await Internal("printf '%s:%s\\n' $# \"$(trap)\"")).StdoutText);
        Assert.Equal(0, (await Internal("x=1; cd /; umask 0")).ExitCode);
        Assert.Equal("unset\n", (await Internal("echo \"${x-unset}\"")).StdoutText);
        Assert.NotEqual("/\n", (await Internal("pwd")).StdoutText);
        Assert.NotEqual("0000\n", (await Internal("umask")).StdoutText);
        Assert.Equal("abc", (await Internal("cat", "abc"u8.ToArray())).StdoutText);
        Assert.Equal(("C\n", "C\n"), ((await Internal("echo \"$LC_ALL\"")).StdoutText, (await Internal("cat >/dev/null; echo \"$LC_ALL\"", "x"u8.ToArray())).StdoutText));

        // Its output comes unframed up to the request's end marker: any bytes, with or without a last newline.
        var mixed = await Internal("printf 'a\\000b\\n\\n'; printf 'e1\\n\\n' >&2; exit 4");
        Assert.Equal((4, "a\0b\n\n", "e1\n\n"), (mixed.ExitCode, mixed.StdoutText, mixed.StderrText));
        Assert.Equal("no newline", (await Internal("printf 'no newline'")).StdoutText);
        var large = await Internal("head -c 3000000 /dev/zero | tr '\\0' x");
        Assert.Equal(3_000_000, large.Stdout.Length);
        Assert.Equal(("", 0), ((await Internal("true")).StdoutText, (await Internal("true")).Stdout.Length));

        // A user's command gets a fresh /bin/sh: none of the loop's variables, its own PID.
        Assert.Equal("\n", (await RunAsync("set | grep '^__' || echo")).StdoutText);
        var pids = (await RunAsync("echo $$ $PPID")).StdoutText.Split(' ');
        Assert.NotEqual(pids[0], pids[1].Trim());
    }

    [Fact]
    public async Task Shared_functions_are_defined_once_per_session_and_reach_only_our_own_scripts()
    {
        // Counting definitions: sent with a request, they would count again in its subshell.
        const string functions = "__defs=$((${__defs:-0} + 1))\n__shared() { echo \"shared $__defs $1\"; }";
        Task<CommandResult> Shared(string script) =>
            RunAsync(new CommandRequest(script) { IsInternal = true, SharedFunctions = functions });

        Assert.Equal("shared 1 a\n", (await Shared("__shared a")).StdoutText);
        Assert.Equal("shared 1 b\n", (await Shared("__shared b")).StdoutText);
        Assert.Equal("1\n", (await RunAsync(new CommandRequest("echo \"${__defs-unset}\"") { IsInternal = true })).StdoutText);

        // A user's command is a fresh shell: the functions travel with it and the session's stay out of it.
        Assert.Equal("shared 1 c\n", (await RunAsync(new CommandRequest("__shared c") { SharedFunctions = functions })).StdoutText);
        Assert.Equal("unset\n", (await RunAsync("echo \"${__defs-unset}\"; command -v __shared || :")).StdoutText);

        // A new session (the old one killed) defines them again.
        await Assert.ThrowsAsync<HostUnreachableException>(() => RunAsync(new CommandRequest("kill -9 $$") { IsInternal = true }));
        Assert.Equal("shared 1 d\n", (await Shared("__shared d")).StdoutText);
    }

    [Fact]
    public async Task Script_data_reaches_our_own_script_byte_exact_as_data_and_nothing_else()
    {
        Task<CommandResult> WithData(byte[] data, string script = "printf '%s' \"$__b\"") =>
            RunAsync(new CommandRequest(script) { IsInternal = true, ScriptData = data });
        var everyByte = Enumerable.Range(1, 255).Select(i => (byte)i).ToArray();

        Assert.Equal(everyByte, (await WithData(everyByte)).Stdout);
        Assert.Equal("x\n\n\n"u8.ToArray(), (await WithData("x\n\n\n"u8.ToArray())).Stdout);
        Assert.Equal("$(id) `id` '\"\\"u8.ToArray(), (await WithData("$(id) `id` '\"\\"u8.ToArray())).Stdout);
        Assert.Empty((await WithData([])).Stdout);
        Assert.Equal("", (await WithData("data"u8.ToArray(), "cat")).StdoutText);

        // Gone for the next request, and refused where no subshell of the session would see it.
        Assert.Equal("[]", (await RunAsync(new CommandRequest("printf '[%s]' \"$__b\"") { IsInternal = true })).StdoutText);
        await Assert.ThrowsAsync<ArgumentException>(() => RunAsync(new CommandRequest("true") { ScriptData = "x"u8.ToArray() }));
        await Assert.ThrowsAsync<ArgumentException>(() => WithData("a\0b"u8.ToArray()));
    }

    [Fact]
    public async Task Stdout_and_stderr_come_back_separately()
    {
        var result = await RunAsync("printf out1; printf err1 >&2; printf out2; printf err2 >&2");
        Assert.Equal("out1out2", result.StdoutText);
        Assert.Equal("err1err2", result.StderrText);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task Every_byte_value_passes_stdin_stdout_and_stderr_unchanged()
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i % 256)).ToArray();
        var result = await RunAsync("cat; printf 'a\\000b\\377' >&2", bytes);
        Assert.Equal(bytes, result.Stdout);
        Assert.Equal(new byte[] { (byte)'a', 0, (byte)'b', 0xFF }, result.Stderr);
    }

    [Fact]
    public async Task Non_ascii_invalid_utf8_and_trailing_newlines_are_kept()
    {
        Assert.Equal(Encoding.UTF8.GetBytes("héllo ✓"), (await RunAsync("printf '%s' 'héllo ✓'")).Stdout);
        Assert.Equal(new byte[] { 0xFF, 0xFE }, (await RunAsync("printf '\\377\\376'")).Stdout);
        Assert.Equal("x\n\n\n", (await RunAsync("printf 'x\\n\\n\\n'")).StdoutText);
        Assert.Equal("no newline", (await RunAsync("printf 'no newline'")).StdoutText);
        Assert.Empty((await RunAsync("true")).Stdout);
    }

    [Fact]
    public async Task Multi_line_scripts_arrive_exactly()
    {
        const string text = "  lead and trail  \n back\\slash \\\n$HOME 'q' \"d\"\r\n\ttab";
        var heredoc = "cat <<'END'\n" + text + "\nEND";
        Assert.Equal(text + "\n", (await RunAsync(heredoc)).StdoutText);

        var lines = string.Join('\n', Enumerable.Range(0, 2000).Select(i => $"echo {i}"));
        var watch = Stopwatch.StartNew();
        var result = await RunAsync(lines);
        Output.WriteLine($"2000-line script: {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(string.Concat(Enumerable.Range(0, 2000).Select(i => $"{i}\n")), result.StdoutText);
    }

    [Fact]
    public async Task A_command_gets_exactly_its_own_stdin()
    {
        Assert.Equal("first", (await RunAsync("cat", "first"u8.ToArray())).StdoutText);
        Assert.Equal("second", (await RunAsync("cat", "second"u8.ToArray())).StdoutText);

        // Unread stdin must not leak into the next request, whether partly read or not read at all.
        var big = new byte[200_000];
        Random.Shared.NextBytes(big);
        Assert.Equal(big[..1], (await RunAsync("head -c 1", big)).Stdout);
        Assert.Equal("ok\n", (await RunAsync("echo ok", big)).StdoutText);
        Assert.Equal("next", (await RunAsync("cat", "next"u8.ToArray())).StdoutText);

        // No stdin means end of file at once, not a wait.
        Assert.Equal("", (await RunAsync("cat")).StdoutText);
    }

    [Fact]
    public async Task Megabytes_of_stdin_come_back_byte_exact()
    {
        var data = new byte[5_000_000];
        Random.Shared.NextBytes(data);
        var result = await RunAsync("cat", data);
        Assert.Equal(0, result.ExitCode);
        Assert.True(data.AsSpan().SequenceEqual(result.Stdout));
    }

    [Fact]
    public async Task Environment_is_set_for_that_command_only()
    {
        var request = new CommandRequest("printf '%s|%s' \"$ORCH_A\" \"$ORCH_B\"")
        {
            Environment = new Dictionary<string, string> { ["ORCH_A"] = "a 'b' \"$HOME\" `x` \\", ["ORCH_B"] = "" },
        };
        Assert.Equal("a 'b' \"$HOME\" `x` \\|", (await RunAsync(request)).StdoutText);
        Assert.Equal("unset", (await RunAsync("printf '%s' \"${ORCH_A-unset}\"")).StdoutText);
    }

    [Fact]
    public async Task Environment_values_are_in_no_argument_and_leave_the_commands_stdin_exact()
    {
        var environment = new Dictionary<string, string> { ["ORCH_TOKEN"] = "env-secret-value", ["ORCH_LINES"] = "one\ntwo\n" };
        var stdin = Encoding.UTF8.GetBytes("first line\n\0binary\xff no newline");

        // The shell's own arguments, what the process list shows; then its environment and its stdin, byte-exact.
        var result = await RunAsync(new CommandRequest("tr '\\0\\n' '  ' </proc/$$/cmdline; echo; printf '%s|%s|' \"$ORCH_TOKEN\" \"$ORCH_LINES\"; cat")
        {
            Environment = environment,
            Stdin = stdin,
        });
        var quiet = await RunAsync(new CommandRequest("cat; echo \"[$ORCH_TOKEN]\"") { Environment = environment });

        var lines = result.StdoutText.Split('\n', 2);
        Assert.DoesNotContain("env-secret-value", lines[0], StringComparison.Ordinal);
        Assert.Equal([.. "env-secret-value|one\ntwo\n|"u8.ToArray(), .. stdin], Encoding.UTF8.GetBytes(lines[1]));
        Assert.Equal("[env-secret-value]\n", quiet.StdoutText);
    }

    [Fact]
    public async Task Working_directory_defaults_to_home_and_can_be_set()
    {
        Assert.Equal(0, (await RunAsync("test \"$(pwd -P)\" = \"$(cd && pwd -P)\"")).ExitCode);
        Assert.Equal(Scratch + "\n", (await RunAsync(new CommandRequest("pwd") { WorkingDirectory = Scratch })).StdoutText);
        var missing = await RunAsync(new CommandRequest("echo ran") { WorkingDirectory = Scratch + "/missing dir" });
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Empty(missing.Stdout);
    }

    [Fact]
    public async Task A_timeout_kills_the_command_and_what_it_started()
    {
        var watch = Stopwatch.StartNew();
        var result = await RunAsync(new CommandRequest("sleep 300 & echo $!; wait") { Timeout = TimeSpan.FromSeconds(1) });
        Output.WriteLine($"timed out after {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.True(result.TimedOut);
        Assert.Equal(124, result.ExitCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(40));

        // The background sleep belonged to the command and must be gone too (same machine in every test).
        var pid = result.StdoutText.Trim();
        Assert.True(await HostCommand.EventuallyAsync(() => !Directory.Exists("/proc/" + pid), TimeSpan.FromSeconds(5)), $"pid {pid} survived");
        Assert.Equal("alive\n", (await RunAsync("echo alive")).StdoutText);
    }

    [Fact]
    public async Task A_command_that_exits_124_by_itself_has_not_timed_out()
    {
        var result = await RunAsync(new CommandRequest("exit 124") { Timeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(124, result.ExitCode);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public async Task Cancellation_ends_the_call_and_the_next_call_works()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transport.RunAsync(new CommandRequest("sleep 8"), cancel.Token).WaitAsync(CallLimit));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"cancellation took {watch.Elapsed}");
        Assert.Equal("again\n", (await RunAsync("echo again")).StdoutText);
    }

    [Fact]
    public async Task Concurrent_calls_are_serialized_and_each_gets_its_own_answer()
    {
        var calls = Enumerable.Range(0, 8).Select(i => RunAsync($"echo {i}", Encoding.ASCII.GetBytes($"in{i}")));
        var results = await Task.WhenAll(calls);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"{i}\n", results[i].StdoutText);
        }
    }

    [Fact]
    public async Task Five_hundred_sequential_commands_run_on_one_session()
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 500 && watch.Elapsed < TimeSpan.FromMinutes(2); i++)
        {
            var result = await RunAsync($"echo {i}");
            Assert.Equal($"{i}\n", result.StdoutText);
        }

        Output.WriteLine($"500 commands in {watch.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), "500 commands took longer than two minutes");
    }

    [Fact]
    public async Task A_background_process_that_keeps_writing_never_reaches_a_later_result()
    {
        // The loop creates each request's output files ahead of time; a process left holding an earlier
        // command's stdout must still write into that command's file, not into the next one's.
        var first = await RunAsync("(for i in 1 2 3 4 5 6 7 8 9 10; do echo late; sleep 0.1; done) & echo started");
        // The background loop may print its first line before "started": only the later results are the point.
        Assert.Contains("started\n", first.StdoutText, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            var later = await RunAsync($"sleep 0.4; echo mine{i}; echo err{i} >&2");
            Assert.Equal($"mine{i}\n", later.StdoutText);
            Assert.Equal($"err{i}\n", later.StderrText);
        }
    }

    [Fact]
    public async Task Mean_cost_of_a_trivial_command_is_measured()
    {
        await RunAsync("true");
        const int count = 200;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await RunAsync("true");
        }

        Output.WriteLine($"{GetType().Name}: mean per-command cost over {count} trivial commands: {watch.Elapsed.TotalMilliseconds / count:0.00} ms");
    }

    [Fact]
    public async Task The_session_folder_is_removed_on_dispose()
    {
        await RunAsync("true");
        var folder = SessionDirectory(Transport);
        Assert.NotNull(folder);
        Assert.True(Directory.Exists(folder));
        await Transport.DisposeAsync().AsTask().WaitAsync(CallLimit);
        Assert.True(await HostCommand.EventuallyAsync(() => !Directory.Exists(folder), TimeSpan.FromSeconds(5)), $"{folder} is left");
        transport = CreateTransport();
    }

    protected abstract ITransport CreateTransport();

    /// <summary>The transport's private folder on the host (internal; the host is this machine in every test).</summary>
    protected abstract string? SessionDirectory(ITransport transport);

    /// <summary>Become used to clean up the scratch folder (files in it may belong to root).</summary>
    protected virtual BecomeOptions? CleanupBecome => null;

    protected Task<CommandResult> RunAsync(string command, byte[]? stdin = null, BecomeOptions? become = null) =>
        RunAsync(new CommandRequest(command) { Stdin = stdin, Become = become });

    protected Task<CommandResult> RunAsync(CommandRequest request) =>
        Transport.RunAsync(request, CancellationToken.None).WaitAsync(CallLimit);

    protected Task PutAsync(FileUpload upload) =>
        Transport.PutFileAsync(upload, CancellationToken.None).WaitAsync(CallLimit);

    protected Task<byte[]?> FetchAsync(string path, BecomeOptions? become = null) =>
        Transport.FetchFileAsync(path, become, CancellationToken.None).WaitAsync(CallLimit);
}
