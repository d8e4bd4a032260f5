using System.Diagnostics;
using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

/// <summary>What every transport must do, run against LocalTransport and against SshTransport over a real sshd.</summary>
public abstract class TransportBehaviourTests(ITestOutputHelper output) : IAsyncLifetime
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
            await Transport.DisposeAsync();
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
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12));

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
            () => Transport.RunAsync(new CommandRequest("sleep 30"), cancel.Token).WaitAsync(CallLimit));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"cancellation took {watch.Elapsed}");
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
    public async Task Files_round_trip_byte_exact_including_20_MB()
    {
        var small = new byte[] { 0, 1, 2, 0xFF, (byte)'\n' };
        await PutAsync(new FileUpload(Scratch + "/small", small));
        Assert.Equal(small, await FetchAsync(Scratch + "/small"));

        await PutAsync(new FileUpload(Scratch + "/empty", []));
        Assert.Equal(Array.Empty<byte>(), await FetchAsync(Scratch + "/empty"));

        var big = new byte[20 * 1024 * 1024];
        Random.Shared.NextBytes(big);
        var watch = Stopwatch.StartNew();
        await PutAsync(new FileUpload(Scratch + "/big file", big));
        var put = watch.Elapsed;
        var back = await FetchAsync(Scratch + "/big file");
        Output.WriteLine($"20 MB: put {put.TotalMilliseconds:0} ms, fetch {(watch.Elapsed - put).TotalMilliseconds:0} ms");
        Assert.NotNull(back);
        Assert.True(big.AsSpan().SequenceEqual(back));
        Assert.Equal($"{big.Length}\n", (await RunAsync($"stat -c %s {ShellQuote.Quote(Scratch + "/big file")}")).StdoutText);
    }

    [Fact]
    public async Task Put_replaces_atomically_and_leaves_no_temporary_file()
    {
        var path = Scratch + "/conf";
        await PutAsync(new FileUpload(path, "old"u8.ToArray()));
        await PutAsync(new FileUpload(path, "new"u8.ToArray()));
        Assert.Equal("new", Encoding.UTF8.GetString((await FetchAsync(path))!));
        Assert.Equal("conf\n", (await RunAsync($"ls -A {ShellQuote.Quote(Scratch)}")).StdoutText);
    }

    [Fact]
    public async Task A_connection_lost_mid_transfer_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Scratch + "/conf";
        await PutAsync(new FileUpload(path, "old"u8.ToArray()));

        // Cancelling aborts the session mid-stream: for an ssh host that is a dropped connection.
        var big = new byte[200 * 1024 * 1024];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transport.PutFileAsync(new FileUpload(path, big), cancel.Token).WaitAsync(CallLimit));

        Assert.Equal("old", Encoding.UTF8.GetString((await FetchAsync(path))!));
        Assert.True(
            await HostCommand.EventuallyAsync(() => Directory.GetFileSystemEntries(Scratch).Length == 1, TimeSpan.FromSeconds(10)),
            "left: " + string.Join(", ", Directory.GetFileSystemEntries(Scratch)));
    }

    [Fact]
    public async Task Put_sets_the_mode_or_keeps_the_old_one()
    {
        var path = Scratch + "/moded";
        await PutAsync(new FileUpload(path, "a"u8.ToArray()) { Mode = "0640" });
        Assert.Equal("640\n", (await RunAsync($"stat -c %a {path}")).StdoutText);

        await RunAsync($"chmod 0604 {path}");
        await PutAsync(new FileUpload(path, "b"u8.ToArray()));
        Assert.Equal("604\n", (await RunAsync($"stat -c %a {path}")).StdoutText);

        // A new file without a mode gets what a shell redirect would give: 0666 minus the umask.
        await PutAsync(new FileUpload(Scratch + "/fresh", "c"u8.ToArray()));
        await RunAsync($": >{Scratch}/redirected");
        Assert.Equal(
            (await RunAsync($"stat -c %a {Scratch}/redirected")).StdoutText,
            (await RunAsync($"stat -c %a {Scratch}/fresh")).StdoutText);
    }

    [Fact]
    public async Task Put_failures_are_errors_and_leave_nothing_behind()
    {
        await Assert.ThrowsAsync<IOException>(() => PutAsync(new FileUpload(Scratch + "/no/such/dir/file", "x"u8.ToArray())));
        await RunAsync($"mkdir {Scratch}/adir");
        await Assert.ThrowsAsync<IOException>(() => PutAsync(new FileUpload(Scratch + "/adir", "x"u8.ToArray())));
        await Assert.ThrowsAsync<ArgumentException>(() => PutAsync(new FileUpload(Scratch + "/bad", "x"u8.ToArray()) { Mode = "rw-r--r--" }));
        Assert.Equal("adir\n", (await RunAsync($"ls -A {Scratch}")).StdoutText);
        Assert.Equal("", (await RunAsync($"ls -A {Scratch}/adir")).StdoutText);
    }

    [Fact]
    public async Task Fetching_a_missing_file_gives_null_and_a_directory_an_error()
    {
        Assert.Null(await FetchAsync(Scratch + "/missing"));
        Assert.Null(await FetchAsync("/nonexistent-orch/dir/file"));
        await Assert.ThrowsAsync<IOException>(() => FetchAsync(Scratch));
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
        await Transport.DisposeAsync();
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
