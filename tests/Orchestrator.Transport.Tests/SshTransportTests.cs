using Orchestrator.Core.Transport;
using Orchestrator.Transport.Tests.Fixtures;
using Xunit.Abstractions;

namespace Orchestrator.Transport.Tests;

/// <summary>The shared behaviour over a real sshd, as a non-root user with password-less sudo.</summary>
[Collection(SshCollection.Name)]
public sealed class SshTransportTests(SshTestEnvironment environment, ITestOutputHelper output) : TransportBehaviourTests(output)
{
    private static readonly BecomeOptions Root = new();

    [Fact]
    public async Task Commands_run_as_the_connection_user()
    {
        Assert.Equal(SshTestEnvironment.NoPasswordUser + "\n", (await RunAsync("id -un")).StdoutText);
    }

    [Fact]
    public async Task The_private_master_is_the_sessions_own_ssh_process()
    {
        await RunAsync("true");
        var folder = ((SshTransport)Transport).ControlSocket.Folder;

        var clients = Directory.GetDirectories("/proc")
            .Select(d => ReadCommandLine(Path.Combine(d, "cmdline")))
            .Count(line => line.StartsWith("ssh", StringComparison.Ordinal) && line.Contains(folder, StringComparison.Ordinal));

        // A daemonised master would show as a second one, "ssh: FOLDER/m [mux]".
        Assert.Equal(1, clients);
    }

    private static string ReadCommandLine(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    [Fact]
    public async Task Become_without_password_uses_sudo_n()
    {
        var result = await RunAsync("id -un; cat", "stdin"u8.ToArray(), Root);
        Assert.Equal("root\nstdin", result.StdoutText);
        Assert.Equal("", result.StderrText);

        var other = await RunAsync("id -un", become: new BecomeOptions(SshTestEnvironment.PasswordUser));
        Assert.Equal(SshTestEnvironment.PasswordUser + "\n", other.StdoutText);
    }

    [Fact]
    public async Task Become_applies_environment_directory_and_timeout_inside_sudo()
    {
        var request = new CommandRequest("id -un; pwd; printf '%s\\n' \"$ORCH_X\"; sleep 30")
        {
            Become = Root,
            WorkingDirectory = "/",
            Environment = new Dictionary<string, string> { ["ORCH_X"] = "x y" },
            Timeout = TimeSpan.FromSeconds(1),
        };
        var result = await RunAsync(request);
        Assert.True(result.TimedOut);
        Assert.Equal("root\n/\nx y\n", result.StdoutText);
    }

    [Fact]
    public async Task Under_become_environment_values_reach_the_command_but_not_sudos_arguments()
    {
        // The arguments of the shell, of timeout and of sudo above it: what the process list and sudo's log show.
        var request = new CommandRequest("p=$$; for i in 1 2 3; do tr '\\0\\n' '  ' </proc/$p/cmdline; echo; p=$(cut -d' ' -f4 /proc/$p/stat); done; echo \"[$ORCH_TOKEN]\"")
        {
            Become = Root,
            Environment = new Dictionary<string, string> { ["ORCH_TOKEN"] = "become-env-secret" },
            Timeout = TimeSpan.FromSeconds(30),
        };

        var result = await RunAsync(request);

        Assert.Contains("sudo ", result.StdoutText, StringComparison.Ordinal);
        Assert.EndsWith("[become-env-secret]\n", result.StdoutText, StringComparison.Ordinal);
        Assert.Equal(1, result.StdoutText.Split("become-env-secret").Length - 1);
    }

    [Fact]
    public async Task A_password_given_to_a_nopasswd_sudo_never_reaches_the_command()
    {
        var result = await RunAsync("cat", "only this"u8.ToArray(), new BecomeOptions("root", "unused-password"));
        Assert.Equal("only this", result.StdoutText);
        Assert.Equal(0, (await RunAsync($"test ! -s {SessionDirectory(Transport)}/p")).ExitCode);
    }

    [Fact]
    public async Task Put_and_fetch_with_become_set_owner_group_and_mode()
    {
        var path = Scratch + "/root-owned";
        var secret = "secret\0bytes"u8.ToArray();
        await PutAsync(new FileUpload(path, secret) { Owner = "root", Group = SshTestEnvironment.PasswordUser, Mode = "0640", Become = Root });
        Assert.Equal($"640 root {SshTestEnvironment.PasswordUser}\n", (await RunAsync($"stat -c '%a %U %G' {path}")).StdoutText);

        // The connection user may not read it; root may.
        await Assert.ThrowsAsync<IOException>(() => FetchAsync(path));
        Assert.Equal(secret, await FetchAsync(path, Root));
        Assert.Null(await FetchAsync(Scratch + "/missing", Root));

        // Without become the write fails cleanly and leaves the file alone.
        await RunAsync($"chmod 0755 {Scratch}");
        await RunAsync($"sudo -n chown root {Scratch}");
        await Assert.ThrowsAsync<IOException>(() => PutAsync(new FileUpload(path, "other"u8.ToArray())));
        Assert.Equal(secret, await FetchAsync(path, Root));
        Assert.Equal("root-owned\n", (await RunAsync($"ls -A {Scratch}")).StdoutText);
    }

    protected override ITransport CreateTransport() =>
        new SshTransport(environment.Settings(SshTestEnvironment.NoPasswordUser));

    protected override string? SessionDirectory(ITransport transport) => ((SshTransport)transport).SessionDirectory;

    protected override BecomeOptions? CleanupBecome => Root;
}
