namespace Orchestrator.IntegrationTests.HostKit;

[Collection(HostKitCollection.Name)]
public sealed class HostKitSshdTests(HostKitFixture lab)
{
    [Fact]
    public async Task Stopping_sshd_makes_ssh_fail_and_starting_it_brings_it_back()
    {
        try
        {
            await lab.StopSshdAsync("h2");
            var whileStopped = await lab.SshAsync("h2", "root", "true");

            Assert.Equal(255, whileStopped.ExitCode);
        }
        finally
        {
            await lab.StartSshdAsync("h2");
        }

        var afterStart = await lab.SshAsync("h2", "root", "true");
        Assert.True(afterStart.Succeeded, afterStart.Describe());
    }

    [Fact]
    public async Task A_regenerated_host_key_is_refused_as_changed()
    {
        var staleKnownHosts = Path.Combine(lab.StateDirectory, "known_hosts.before-regen");
        File.Copy(lab.KnownHostsPath, staleKnownHosts, overwrite: true);
        try
        {
            await lab.RegenerateHostKeyAsync("h3");
            var withStaleKey = await lab.SshAsync("h3", "root", "true", staleKnownHosts);

            Assert.Equal(255, withStaleKey.ExitCode);
            Assert.Contains("REMOTE HOST IDENTIFICATION HAS CHANGED", withStaleKey.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await lab.RescanHostKeyAsync("h3");
            File.Delete(staleKnownHosts);
        }

        var afterRescan = await lab.SshAsync("h3", "root", "true");
        Assert.True(afterRescan.Succeeded, afterRescan.Describe());
    }
}
