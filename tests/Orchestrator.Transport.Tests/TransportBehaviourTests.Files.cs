using System.Diagnostics;
using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests;

/// <summary>PutFileAsync and FetchFileAsync, for every transport.</summary>
public abstract partial class TransportBehaviourTests
{
    [Fact]
    public async Task Files_round_trip_byte_exact_including_20_MB()
    {
        var small = new byte[] { 0, 1, 2, 0xFF, (byte)'\n' };
        await PutAsync(new FileUpload(Scratch + "/small", small));
        Assert.Equal(small, await FetchAsync(Scratch + "/small"));

        await PutAsync(new FileUpload(Scratch + "/empty", []));
        Assert.Equal(Array.Empty<byte>(), await FetchAsync(Scratch + "/empty"));

        // Small text is written from the script itself (printf), so every character that means something to a shell
        // or to printf has to come out as it went in.
        var text = Encoding.UTF8.GetBytes("q ' \" `id` $(id) $HOME \\ \\n %s %% %b \\0 -- -n\r\n\ttab é✓ 日本語\n\n\nno newline at the end");
        await PutAsync(new FileUpload(Scratch + "/text", text));
        Assert.Equal(text, await FetchAsync(Scratch + "/text"));
        await PutAsync(new FileUpload(Scratch + "/dash", "-n"u8.ToArray()));
        Assert.Equal("-n"u8.ToArray(), await FetchAsync(Scratch + "/dash"));

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

        // Cancelling aborts the session mid-stream: for an ssh host that is a dropped connection. 200 MB takes
        // about a second even locally, so 200 ms lands in the middle of it.
        var big = new byte[200 * 1024 * 1024];
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Transport.PutFileAsync(new FileUpload(path, big), cancel.Token).WaitAsync(CallLimit));

        Assert.Equal("old", Encoding.UTF8.GetString((await FetchAsync(path))!));
        Assert.True(
            await HostCommand.EventuallyAsync(() => Directory.GetFileSystemEntries(Scratch).Length == 1, TimeSpan.FromSeconds(10)),
            "left: " + string.Join(", ", Directory.GetFileSystemEntries(Scratch)));
    }

    // In the session's subshell the loop's __leftovers function does it; through sudo (a fresh shell) the script's own lines.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Put_removes_temporary_files_whose_writer_is_dead_and_nothing_else(bool throughSudo)
    {
        // 99999999 is above any pid_max, so never a running process; PID 1 always runs.
        const string stale = ".orch.99999999.AbCdEf0123";
        string[] kept =
        [
            ".orch.1.AbCdEf0123", ".orch.99999999.short", ".orch.99999999.AbCdEf0123.bak", ".orch.99999999.Ab-dEf0123",
            ".orch.x9999999.AbCdEf0123", "other.99999999.AbCdEf0123", ".orch.99999999.DirDirDir0", ".orch.99999999.LinkLink00",
        ];
        var folder = ShellQuote.Quote(Scratch);
        await RunAsync($"cd {folder} && touch {stale} {string.Join(' ', kept[..6])} target && mkdir {kept[6]} && ln -s target {kept[7]}");

        await PutAsync(new FileUpload(Scratch + "/conf", "new"u8.ToArray()) { Become = throughSudo ? CleanupBecome ?? new BecomeOptions("root") : null });

        var expected = kept.Append("conf").Append("target").Order(StringComparer.Ordinal).Select(n => n + "\n");
        Assert.Equal(string.Concat(expected), (await RunAsync($"LC_ALL=C ls -A {folder}")).StdoutText);
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
}
