namespace Orchestrator.IntegrationTests.HostKit;

[Collection(HostKitCollection.Name)]
public sealed class HostKitSystemTests(HostKitFixture lab)
{
    public static TheoryData<string> HostNames => ["h1", "h2", "h3"];

    [Theory]
    [MemberData(nameof(HostNames))]
    public async Task Systemd_is_pid_1_and_the_system_is_up(string host)
    {
        var result = await lab.SshAsync(
            host, "root", "ps -o comm= -p 1; timeout 60 systemctl is-system-running --wait; systemctl --failed --no-legend --plain");

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, result.Describe());
        Assert.Equal("systemd", lines[0]);
        Assert.True(lines[1] is "running" or "degraded", result.Describe());
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public async Task The_image_has_python_and_an_idle_docker(string host)
    {
        var result = await lab.SshAsync(
            host, "root", "python3 -c 'print(6 * 7)'; systemctl is-enabled docker.service || true; cat /etc/docker/daemon.json");

        Assert.True(result.Succeeded, result.Describe());
        Assert.StartsWith("42\ndisabled\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"bip\": \"10.250.0.1/24\"", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hosts_reach_each_other_by_container_address_and_name()
    {
        var h2 = lab.Host("h2");
        var h3 = lab.Host("h3");

        var result = await lab.SshAsync(
            "h1", "root", $"timeout 5 bash -c '</dev/tcp/{h2.Address}/22' && timeout 5 bash -c '</dev/tcp/{h3.Address}/22' && getent hosts h2");

        Assert.True(result.Succeeded, result.Describe());
        Assert.StartsWith(h2.Address + " ", result.StandardOutput, StringComparison.Ordinal);
        Assert.NotEqual(h2.Address, h3.Address);
    }

    [Fact]
    public async Task Every_host_has_its_own_host_key()
    {
        var keys = new List<string>();
        foreach (var host in lab.Hosts)
        {
            var result = await lab.ExecAsync(host.Name, "cut -d' ' -f2 /etc/ssh/ssh_host_ed25519_key.pub");
            Assert.True(result.Succeeded, result.Describe());
            keys.Add(result.StandardOutput.Trim());
        }

        Assert.Equal(HostKitFixture.HostCount, keys.Distinct(StringComparer.Ordinal).Count());
        var knownHosts = await File.ReadAllTextAsync(lab.KnownHostsPath);
        foreach (var (host, key) in lab.Hosts.Zip(keys))
        {
            Assert.Contains($"[127.0.0.1]:{host.Port} ssh-ed25519 {key}", knownHosts, StringComparison.Ordinal);
        }
    }
}
