using System.Text;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// Reads the lab's real state, never through the program under test: files through docker exec, flags from the
/// stand-ins themselves, ZooKeeper's own srvr answer, the health endpoints over HTTP.
/// </summary>
internal sealed class MesosStateChecks(MesosLab lab, StandinClient client)
{
    private static readonly TimeSpan EnsembleWait = TimeSpan.FromSeconds(120);

    internal async Task AssertConvergedAsync(MesosExpectations expected, string method)
    {
        foreach (var master in MesosLab.Masters)
        {
            var address = expected.Address(master);
            AssertFlags(master, "mesos-master", expected.MasterFlags(master), await client.ReadAsync(address, StandinClient.MasterPort));
            var marathon = await client.ReadAsync(address, StandinClient.MarathonPort);
            AssertFlags(master, "marathon", expected.MarathonFlags(master), marathon);
            Assert.True(marathon.LibprocessIp == address, $"{master}: Marathon saw LIBPROCESS_IP={marathon.LibprocessIp}, expected {address}");
            Assert.True(await client.StatusAsync(address, StandinClient.MasterPort, "/master/health") == 200, $"{master}: /master/health is not 200");
            Assert.True(await client.StatusAsync(address, StandinClient.MarathonPort, "/ping") == 200, $"{master}: Marathon /ping is not 200");
        }

        foreach (var agent in MesosLab.Agents)
        {
            var address = expected.Address(agent);
            AssertFlags(agent, "mesos-slave", expected.AgentFlags(agent), await client.ReadAsync(address, StandinClient.AgentPort));
            Assert.True(await client.StatusAsync(address, StandinClient.AgentPort, "/health") == 200, $"{agent}: agent /health is not 200");
        }

        await AssertOneZookeeperLeaderAsync(expected);
        await LeadingMasterAsync(expected);
        if (method == "packages")
        {
            await AssertPackageFilesAsync(expected);
            await AssertPackageServicesAsync();
        }
        else
        {
            await AssertContainersAsync(expected);
        }
    }

    /// <summary>The one master whose /metrics/snapshot says master/elected 1 (waits a bounded while for an election).</summary>
    internal async Task<string> LeadingMasterAsync(MesosExpectations expected)
    {
        var leaders = new List<string>();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            leaders.Clear();
            foreach (var master in MesosLab.Masters)
            {
                var metrics = await client.GetTextAsync(expected.Address(master), StandinClient.MasterPort, "/metrics/snapshot") ?? "";
                if (metrics.Contains("\"master/elected\": 1.0", StringComparison.Ordinal))
                {
                    leaders.Add(master);
                }
            }

            if (leaders.Count == 1)
            {
                return leaders[0];
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new Xunit.Sdk.XunitException($"expected exactly one elected master, got: {string.Join(", ", leaders)}");
    }

    /// <summary>Checksums of every configuration file and run script, and the running containers, per host.</summary>
    internal async Task<string> SnapshotAsync(string method)
    {
        var text = new StringBuilder();
        foreach (var host in MesosLab.AllHosts)
        {
            var command = "find /etc/mesos /etc/mesos-master /etc/mesos-slave /etc/marathon /etc/zookeeper/conf/ /etc/default " +
                          "/etc/apt/sources.list.d /usr/local/sbin -type f -exec sha1sum {} + 2>/dev/null | sort; " +
                          (method == "containers" ? "docker ps -q --no-trunc | sort" : "true");
            text.Append("== ").Append(host).Append('\n').Append(await lab.ExecAsync(host, command));
        }

        return text.ToString();
    }

    private static void AssertFlags(string host, string role, IReadOnlyDictionary<string, string> expected, StandinState actual)
    {
        var want = string.Join('\n', expected.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"--{kv.Key}={kv.Value}"));
        var got = string.Join('\n', actual.Flags.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"--{kv.Key}={kv.Value}"));
        Assert.True(want == got, $"{host}: {role} runs with other flags than expected\n--- expected ---\n{want}\n--- actual ---\n{got}");
        var fromEnvironment = actual.Origin.Where(kv => kv.Value != "cmdline").Select(kv => kv.Key).ToList();
        Assert.True(fromEnvironment.Count == 0, $"{host}: {role} took flags from the environment, not the command line: {string.Join(", ", fromEnvironment)}");
    }

    private async Task AssertOneZookeeperLeaderAsync(MesosExpectations expected)
    {
        var deadline = DateTime.UtcNow + EnsembleWait;
        var modes = new List<string>();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            modes.Clear();
            foreach (var master in MesosLab.Masters)
            {
                var srvr = await lab.TryExecAsync(master,
                    $"exec 3<>/dev/tcp/{expected.Address(master)}/2181 && printf srvr >&3 && timeout 5 cat <&3");
                var mode = srvr.StandardOutput.Split('\n').FirstOrDefault(l => l.StartsWith("Mode: ", StringComparison.Ordinal));
                modes.Add($"{master}={mode?["Mode: ".Length..] ?? "(no answer)"}");
            }

            if (modes.Count(m => m.EndsWith("=leader", StringComparison.Ordinal)) == 1 && modes.Count(m => m.EndsWith("=follower", StringComparison.Ordinal)) == 2)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new Xunit.Sdk.XunitException("the ZooKeeper ensemble has not exactly one leader and two followers: " + string.Join(", ", modes));
    }

    private async Task AssertPackageFilesAsync(MesosExpectations expected)
    {
        foreach (var host in MesosLab.AllHosts)
        {
            foreach (var (path, content) in expected.PackageFiles(host))
            {
                Assert.True(await ReadFileAsync(host, path) == content, $"{host}: {path} should be exactly {Show(content)}, is {Show(await ReadFileAsync(host, path))}");
            }

            foreach (var (path, lines) in expected.PackageSettingLines(host))
            {
                var actual = (await ReadFileAsync(host, path) ?? "").Split('\n')
                    .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
                Assert.True(actual.SequenceEqual(lines), $"{host}: {path} settings should be\n{string.Join('\n', lines)}\nare\n{string.Join('\n', actual)}");
            }

            // The keyring apt reads for signed-by: world-readable (apt's _apt user) and holding exactly the repository's key.
            var keyring = (await lab.ExecAsync(host,
                "f=/etc/apt/keyrings/mesosphere-archive-keyring.gpg; stat -c %a $f; h=$(mktemp -d); gpg --homedir $h --show-keys --with-colons $f 2>/dev/null | awk -F: '$1 == \"fpr\" { print $10 }'; rm -rf $h"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(
                keyring.SequenceEqual(["644", lab.Repository.Fingerprint]),
                $"{host}: the keyring should be mode 644 and hold only {lab.Repository.Fingerprint}: {string.Join(' ', keyring)}");

            foreach (var (path, entries) in expected.PackageFolders(host))
            {
                var actual = (await lab.ExecAsync(host, $"ls -A {path}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
                Assert.True(actual.SequenceEqual(entries), $"{host}: {path} should hold exactly {string.Join(" ", entries)}, holds {string.Join(" ", actual)}");
            }
        }
    }

    private async Task AssertPackageServicesAsync()
    {
        foreach (var master in MesosLab.Masters)
        {
            await AssertServiceAsync(master, "zookeeper", "enabled", "active");
            await AssertServiceAsync(master, "mesos-master", "enabled", "active");
            await AssertServiceAsync(master, "marathon", "enabled", "active");
            await AssertServiceAsync(master, "mesos-slave", "disabled", "inactive");
        }

        foreach (var agent in MesosLab.Agents)
        {
            await AssertServiceAsync(agent, "mesos-slave", "enabled", "active");
            await AssertServiceAsync(agent, "mesos-master", "disabled", "inactive");
        }
    }

    private async Task AssertServiceAsync(string host, string service, string enabled, string active)
    {
        var state = (await lab.TryExecAsync(host, $"systemctl is-enabled {service}; systemctl is-active {service}")).StandardOutput.Trim();
        Assert.True(state == $"{enabled}\n{active}", $"{host}: {service} should be {enabled} and {active}, is {state.Replace('\n', ' ')}");
    }

    private async Task AssertContainersAsync(MesosExpectations expected)
    {
        foreach (var host in MesosLab.AllHosts)
        {
            var names = MesosLab.Masters.Contains(host) ? new[] { "zookeeper", "mesos-master", "marathon" } : ["mesos-agent"];
            foreach (var name in names)
            {
                var inspect = (await lab.ExecAsync(host,
                    $"docker inspect -f '{{{{.State.Running}}}} {{{{.HostConfig.NetworkMode}}}} {{{{.HostConfig.RestartPolicy.Name}}}}' {name}")).Trim();
                Assert.True(inspect == "true host always", $"{host}: container {name} should be running, host network, restart always; is '{inspect}'");
            }

            var docker = (await lab.TryExecAsync(host, "systemctl is-enabled docker")).StandardOutput.Trim();
            Assert.True(docker == "enabled", $"{host}: docker.service should be enabled (it brings the containers back after a reboot), is {docker}");
        }

        foreach (var master in MesosLab.Masters)
        {
            var myid = await ReadFileAsync(master, "/var/lib/zookeeper/data/myid");
            Assert.True(myid == MesosExpectations.ZookeeperId(master) + "\n", $"{master}: myid should be {MesosExpectations.ZookeeperId(master)}, is {Show(myid)}");
            var zooCfg = (await lab.ExecAsync(master, "docker exec zookeeper cat /conf/zoo.cfg")).Split('\n')
                .Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).ToList();
            Assert.True(zooCfg.SequenceEqual(expected.ZooCfgLines()), $"{master}: zoo.cfg in the container is\n{string.Join('\n', zooCfg)}");
        }
    }

    private async Task<string?> ReadFileAsync(string host, string path)
    {
        var result = await lab.TryExecAsync(host, $"base64 -w0 {path}");
        return result.Succeeded ? Encoding.UTF8.GetString(Convert.FromBase64String(result.StandardOutput.Trim())) : null;
    }

    private static string Show(string? content) => content is null ? "(missing)" : "'" + content.Replace("\n", "\\n", StringComparison.Ordinal) + "'";
}
