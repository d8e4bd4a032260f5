using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Mesos;

/// <summary>
/// The stand-ins refuse what the real programs refuse, with their messages and exit code 1 (stout for Mesos,
/// scallop for Marathon, classic Swarm's manage), and read MESOS_* variables the way stout does. Run on the
/// controller with python3, listening on 127.0.0.1 only.
/// </summary>
public sealed class StandinCommandLineTests : IDisposable
{
    private static readonly string Program = Path.Combine(HostKit.RepositoryRoot.Find(), "tests", "hostkit", "standins", "standin.py");

    private readonly string workDir = Directory.CreateTempSubdirectory("standin-").FullName;

    [Theory]
    [InlineData("mesos-master --work_dir=WORK --bogus=1", "Failed to load unknown flag 'bogus'")]
    [InlineData("mesos-master --work_dir=WORK --quorum=1 --quorum=2", "Duplicate flag 'quorum' on command line")]
    [InlineData("mesos-master --work_dir=WORK --zk=zk://h:2181/mesos", "Need to specify --quorum for replicated log based registry when using ZooKeeper")]
    [InlineData("mesos-master --zk=zk://h:2181/mesos --quorum=2", "--work_dir needed for replicated log based registry")]
    [InlineData("mesos-master --work_dir=WORK --no-cluster", "Failed to load non-boolean flag 'cluster' via 'no-cluster'")]
    [InlineData("mesos-master --work_dir=WORK --agent_ping_timeout=1secs --slave_ping_timeout=2secs", "Flag is already loaded via name")]
    [InlineData("mesos-slave --master=zk://h:2181/mesos --work_dir=WORK --quorum=2", "Failed to load unknown flag 'quorum'")]
    [InlineData("mesos-slave --master=zk://h:2181/mesos", "Flag 'work_dir' is required, but it was not provided")]
    [InlineData("marathon --master zk://h:2181/mesos --bogus 1", "[scallop] Error: Unknown option 'bogus'")]
    [InlineData("swarm manage -c mesos-experimental --cluster-opt mesos.address=not-an-ip zk://h:2181/mesos", "invalid IP address for cluster-opt mesos.address: not-an-ip")]
    [InlineData("swarm manage -c mesos-experimental --cluster-opt mesos.bogus=1 zk://h:2181/mesos", "unsupported cluster-opt 'mesos.bogus'")]
    [InlineData("swarm manage --bogus zk://h:2181/mesos", "flag provided but not defined: -bogus")]
    public async Task A_command_line_the_real_program_refuses_exits_1_with_its_message(string commandLine, string message)
    {
        var result = await ProcessRunner.RunAsync("python3", [Program, .. commandLine.Replace("WORK", workDir, StringComparison.Ordinal).Split(' ')], TimeSpan.FromSeconds(30));

        Assert.True(result.ExitCode == 1 && result.StandardError.Contains(message, StringComparison.Ordinal), $"expected exit 1 with '{message}', got {result.Describe()}");
    }

    [Fact]
    public async Task Known_MESOS_variables_load_unknown_ones_are_dropped_and_the_command_line_wins()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { Program, "mesos-master", "--ip=127.0.0.1", $"--port={port}", $"--work_dir={workDir}", "--quorum=2" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MESOS_QUORUM"] = "3";
        start.Environment["MESOS_CLUSTER"] = "from-env";
        start.Environment["MESOS_BOGUS_FLAG"] = "1";
        using var process = Process.Start(start)!;
        try
        {
            using var client = new StandinClient();
            var state = await client.ReadAsync("127.0.0.1", port);

            Assert.Equal("2", state.Flags["quorum"]);
            Assert.Equal("cmdline", state.Origin["quorum"]);
            Assert.Equal("from-env", state.Flags["cluster"]);
            Assert.Equal("env", state.Origin["cluster"]);
            Assert.DoesNotContain("bogus_flag", state.Flags.Keys);
            Assert.Equal(200, await client.StatusAsync("127.0.0.1", port, "/master/health"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose() => Directory.Delete(workDir, recursive: true);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
