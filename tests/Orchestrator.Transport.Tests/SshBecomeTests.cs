using System.Diagnostics;
using System.Text;
using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests;

/// <summary>Become through sudo over ssh as a user whose sudo rule asks for a password.</summary>
[Collection(SshCollection.Name)]
public sealed class SshBecomeTests(SshTestEnvironment environment) : IAsyncLifetime
{
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(60);

    private readonly SshTransport transport = new(environment.Settings(SshTestEnvironment.PasswordUser));

    private BecomeOptions Root => new("root", environment.Password);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await transport.DisposeAsync().AsTask().WaitAsync(CallLimit);

    [Fact]
    public async Task The_right_password_runs_the_command_as_root_with_its_stdin_intact()
    {
        var stdin = Encoding.UTF8.GetBytes("line one\nline two\n\0binary\xff");
        var result = await RunAsync(new CommandRequest("id -un; cat") { Become = Root, Stdin = stdin });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([.. "root\n"u8.ToArray(), .. stdin], result.Stdout);
        Assert.Equal("", result.StderrText);

        // The askpass helper empties the password file once sudo has read it; the file is only ever 0600.
        Assert.Equal("0 600\n", (await RunAsync(new CommandRequest($"stat -c '%s %a' {transport.SessionDirectory}/p"))).StdoutText);
    }

    [Fact]
    public async Task A_wrong_password_fails_clearly_and_quickly()
    {
        var watch = Stopwatch.StartNew();
        var result = await RunAsync(new CommandRequest("echo should-not-run") { Become = new BecomeOptions("root", "wrong password") });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("incorrect password", result.StderrText, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");

        // The session is still in step.
        Assert.Equal("after\n", (await RunAsync(new CommandRequest("echo after"))).StdoutText);
    }

    [Fact]
    public async Task No_password_where_one_is_needed_fails_at_once()
    {
        var watch = Stopwatch.StartNew();
        var result = await RunAsync(new CommandRequest("echo should-not-run") { Become = new BecomeOptions() });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a password is required", result.StderrText, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_password_appears_in_no_process_arguments_or_environment()
    {
        var running = RunAsync(new CommandRequest("sleep 3; id -un") { Become = Root });
        var scans = 0;
        var watch = Stopwatch.StartNew();
        while (!running.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            foreach (var (pid, commandLine, processEnvironment) in HostCommand.Processes())
            {
                Assert.False(commandLine.Contains(environment.Password, StringComparison.Ordinal), $"password in the arguments of pid {pid}");
                Assert.False(processEnvironment.Contains(environment.Password, StringComparison.Ordinal), $"password in the environment of pid {pid}");
            }

            scans++;
            await Task.Delay(20);
        }

        Assert.Equal("root\n", (await running).StdoutText);
        Assert.True(scans > 5, $"only {scans} scans while the command ran");
    }

    [Fact]
    public async Task Files_are_written_and_read_with_a_password_become()
    {
        var path = $"/root/orch-become-test-{Guid.NewGuid():N}";
        try
        {
            await transport.PutFileAsync(new FileUpload(path, "secret"u8.ToArray()) { Mode = "0600", Become = Root }, CancellationToken.None).WaitAsync(CallLimit);
            Assert.Equal("secret"u8.ToArray(), await transport.FetchFileAsync(path, Root, CancellationToken.None).WaitAsync(CallLimit));
            Assert.Equal("600 root root\n", (await RunAsync(new CommandRequest($"stat -c '%a %U %G' {path}") { Become = Root })).StdoutText);
        }
        finally
        {
            await RunAsync(new CommandRequest($"rm -f {path}") { Become = Root });
        }
    }

    [Fact]
    public async Task Shared_functions_travel_with_a_become_request_whose_sudo_starts_a_fresh_shell()
    {
        const string functions = "__who() { id -un; }";
        var own = new CommandRequest("__who") { IsInternal = true, SharedFunctions = functions };

        var before = await RunAsync(own);
        var asRoot = await RunAsync(own with { Become = Root });
        var after = await RunAsync(own);

        Assert.Equal(
            ($"{SshTestEnvironment.PasswordUser}\n", "root\n", $"{SshTestEnvironment.PasswordUser}\n"),
            (before.StdoutText, asRoot.StdoutText, after.StdoutText));
    }

    private Task<CommandResult> RunAsync(CommandRequest request) =>
        transport.RunAsync(request, CancellationToken.None).WaitAsync(CallLimit);
}
