using Orchestrator.Modules.Facts;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Transport;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests.Facts;

/// <summary>setup against this machine, over the test shell (to count round trips) and the product's LocalTransport.</summary>
public sealed class SetupOnHostTests
{
    [Fact]
    public async Task Facts_take_one_round_trip_and_describe_this_machine()
    {
        var transport = new ShellTransport();

        var result = await RunAsync(new SetupModule(), transport, Args());

        Assert.False(result.Failed, result.Message);
        Assert.False(result.Changed);
        Assert.Equal(1, transport.RoundTrips);
        var facts = result.Facts!;
        Assert.Equal(Environment.MachineName.Split('.')[0], facts["hostname"]);
        Assert.Equal((long)Environment.ProcessorCount, facts["processor_count"]);
        Assert.Equal(UnameMachine(), facts["architecture"]);
        Assert.Equal(MemInfoMegabytes("MemTotal:"), facts["memtotal_mb"]);
        Assert.True(facts.ContainsKey("memfree_mb"));
        Assert.Contains(facts["service_mgr"], new[] { "systemd", "upstart", "sysvinit" });
        Assert.Equal(Directory.Exists("/run/systemd/system"), facts["service_mgr"] is "systemd");
        Assert.Equal(File.Exists("/var/run/docker.sock") || OnPath("docker"), facts["docker_present"]);
        var all = Assert.IsType<List<object?>>(facts["all_ipv4"]);
        Assert.DoesNotContain(all, a => ((string)a!).StartsWith("127.", StringComparison.Ordinal));
        if (facts.TryGetValue("default_ipv4", out var address))
        {
            Assert.Contains(address, all);
        }

        if (File.Exists("/etc/os-release"))
        {
            var id = File.ReadAllLines("/etc/os-release").First(l => l.StartsWith("ID=", StringComparison.Ordinal))[3..].Trim('"');
            Assert.Equal(id, facts["distribution"]);
        }

        Assert.Equal(facts, Assert.IsType<Dictionary<string, object?>>(result.Data["ansible_facts"]));
    }

    [Fact]
    public async Task The_product_transport_gives_the_same_facts()
    {
        await using var transport = new LocalTransport();

        var local = await RunAsync(new SetupModule(), transport, Args("filter", "distribution*,hostname,service_mgr"));
        var shell = await RunAsync(new SetupModule(), new ShellTransport(), Args("filter", "distribution*,hostname,service_mgr"));

        Assert.False(local.Failed, local.Message);
        Assert.Equal(shell.Facts, local.Facts);
        Assert.Contains("hostname", local.Facts!.Keys);
        Assert.DoesNotContain("kernel", local.Facts!.Keys);
    }

    [Fact]
    public async Task The_product_transport_s_helper_and_proc_answer_as_hostname_f_and_nproc_do()
    {
        await using var transport = new LocalTransport();

        var facts = (await RunAsync(new SetupModule(), transport, Args())).Facts!;

        Assert.Equal(Program("hostname", "-f") is { Length: > 0 } name ? name : Environment.MachineName, facts["fqdn"]);
        Assert.Equal(long.Parse(Program("nproc", ""), System.Globalization.CultureInfo.InvariantCulture), facts["processor_count"]);
    }

    // What the fact read from /proc/sys/kernel/arch (or uname -m, where the kernel lacks it) must equal.
    private static string UnameMachine() => Program("uname", "-m");

    private static string Program(string name, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(name, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    // The meminfo loop stops after its two lines: MemTotal must still be the file's own.
    private static long MemInfoMegabytes(string key) =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
}
