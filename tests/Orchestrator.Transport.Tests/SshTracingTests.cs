using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;

namespace Orchestrator.Transport.Tests;

[Collection(SshCollection.Name)]
public sealed class SshTracingTests(SshTestEnvironment environment)
{
    [Fact]
    public async Task Trace_shows_commands_and_ssh_debug_but_never_stdin_environment_values_or_passwords()
    {
        var logger = new RecordingLogger();
        var transport = new SshTransport(environment.Settings(SshTestEnvironment.PasswordUser), logger);
        var request = new CommandRequest("cat >/dev/null; echo traced-command")
        {
            Stdin = "stdin-secret-value"u8.ToArray(),
            Environment = new Dictionary<string, string> { ["TOKEN"] = "env-secret-value" },
            Become = new BecomeOptions("root", environment.Password),
        };
        var result = await transport.RunAsync(request, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var uploaded = $"/tmp/orch-trace-{Guid.NewGuid():N}";
        await transport.PutFileAsync(new FileUpload(uploaded, "file-secret-value"u8.ToArray()), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await transport.RunAsync(new CommandRequest($"rm {uploaded}"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var probe = new CommandRequest("[ ${#__b} = 18 ] && echo data-arrived") { IsInternal = true, ScriptData = "probe-secret-value"u8.ToArray() };
        var probed = await transport.RunAsync(probe, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        await transport.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("traced-command\n", result.StdoutText);
        var log = string.Join('\n', logger.Lines);
        Assert.Contains("echo traced-command", log, StringComparison.Ordinal);
        Assert.Contains("env TOKEN", log, StringComparison.Ordinal);
        Assert.Contains("debug1:", log, StringComparison.Ordinal);
        Assert.DoesNotContain("stdin-secret-value", log, StringComparison.Ordinal);
        Assert.DoesNotContain("env-secret-value", log, StringComparison.Ordinal);
        Assert.DoesNotContain("file-secret-value", log, StringComparison.Ordinal);
        Assert.Equal("data-arrived\n", probed.StdoutText);
        Assert.DoesNotContain("probe-secret-value", log, StringComparison.Ordinal);
        Assert.DoesNotContain(environment.Password, log, StringComparison.Ordinal);
    }
}
