namespace Orchestrator.IntegrationTests.HostKit;

[Collection(HostKitCollection.Name)]
public sealed class HostKitLoginTests(HostKitFixture lab)
{
    public static TheoryData<string> HostNames => ["h1", "h2", "h3"];

    [Theory]
    [MemberData(nameof(HostNames))]
    public async Task Root_logs_in_with_the_lab_key(string host)
    {
        var result = await lab.SshAsync(host, "root", "id -un; hostname");

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal($"root\n{host}\n", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public async Task Deploy_sudoes_without_a_password(string host)
    {
        var result = await lab.SshAsync(host, "deploy", "id -un; sudo -n id -u");

        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal("deploy\n0\n", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public async Task Deploy_pw_sudoes_only_with_its_password(string host)
    {
        var withPassword = await lab.SshAsync(host, "deploy_pw", "echo sudo-secret-pw | sudo -S -p '' id -u");
        var withoutPassword = await lab.SshAsync(host, "deploy_pw", "sudo -n true");
        var wrongPassword = await lab.SshAsync(host, "deploy_pw", "echo not-the-password | sudo -S -p '' true");

        Assert.True(withPassword.Succeeded, withPassword.Describe());
        Assert.Equal("0\n", withPassword.StandardOutput);
        Assert.Equal(1, withoutPassword.ExitCode);
        Assert.Contains("password is required", withoutPassword.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, wrongPassword.ExitCode);
    }

    [Fact]
    public async Task Sshd_accepts_keys_only()
    {
        var result = await lab.ExecAsync("h1", "sshd -T | grep -E '^(passwordauthentication|permitrootlogin) '");

        Assert.True(result.Succeeded, result.Describe());
        Assert.Contains("passwordauthentication no", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("permitrootlogin without-password", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_refused()
    {
        var keyFolder = Directory.CreateTempSubdirectory("hostkit-");
        try
        {
            var otherKey = Path.Combine(keyFolder.FullName, "id_ed25519");
            var keygen = await ProcessRunner.RunAsync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey], TimeSpan.FromSeconds(30));
            Assert.True(keygen.Succeeded, keygen.Describe());
            var arguments = lab.SshArguments("h1", "root").ToList();
            arguments[arguments.IndexOf("-i") + 1] = otherKey;

            var result = await ProcessRunner.RunAsync("ssh", [.. arguments, "--", "true"], TimeSpan.FromSeconds(60));

            Assert.Equal(255, result.ExitCode);
            Assert.Contains("Permission denied", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            keyFolder.Delete(recursive: true);
        }
    }
}
