using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Modules.Tests.Support;
using Orchestrator.Modules.Waiting;
using Orchestrator.Transport;
using static Orchestrator.Modules.Tests.Support.ModuleRunner;

namespace Orchestrator.Modules.Tests.Waiting;

/// <summary>wait_for on this machine through the product's LocalTransport; every wait is bounded by a few seconds.</summary>
public sealed class WaitForOnHostTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private readonly LocalTransport transport = new();
    private readonly WaitForModule waitFor = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await transport.DisposeAsync();
        temp.Dispose();
    }

    [Fact]
    public async Task A_path_that_appears_later_ends_the_wait()
    {
        var path = temp["ready flag $(x)"];
        var creating = Task.Delay(1200).ContinueWith(_ => File.WriteAllText(path, "x"), TaskScheduler.Default);
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(waitFor, transport, Args("path", path, "timeout", 10L));

        await creating;
        Assert.False(result.Failed, result.Message);
        Assert.False(result.Changed);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.0, 60.0);
        Assert.InRange((long)result.Data["elapsed"]!, 1L, 10L);
    }

    [Fact]
    public async Task A_port_opened_by_the_test_ends_the_wait()
    {
        var port = FreePort();
        var listener = new TcpListener(IPAddress.Loopback, port);
        var opening = Task.Delay(1200).ContinueWith(_ => listener.Start(), TaskScheduler.Default);

        var result = await RunAsync(waitFor, transport, Args("port", (long)port, "timeout", 10L));

        await opening;
        listener.Stop();
        Assert.False(result.Failed, result.Message);
        Assert.Equal((long)port, result.Data["port"]);
    }

    [Fact]
    public async Task A_closed_port_times_out_with_ansibles_message()
    {
        var port = FreePort();
        var clock = Stopwatch.StartNew();

        var result = await RunAsync(waitFor, transport, Args("port", (long)port, "timeout", 1L, "connect_timeout", 1L));

        Assert.True(result.Failed);
        Assert.Equal($"Timeout when waiting for 127.0.0.1:{port}", result.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 60.0);
    }

    [Fact]
    public async Task A_port_that_closes_satisfies_stopped()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var closing = Task.Delay(1200).ContinueWith(_ => listener.Stop(), TaskScheduler.Default);

        var result = await RunAsync(waitFor, transport, Args("port", (long)port, "state", "stopped", "timeout", 10L));

        await closing;
        Assert.False(result.Failed, result.Message);
    }

    [Fact]
    public async Task Search_regex_waits_for_matching_content_and_registers_its_groups()
    {
        var path = temp["mesos-master.INFO"];
        File.WriteAllText(path, "I0101 starting\n");
        var appending = Task.Delay(1200).ContinueWith(_ => File.AppendAllText(path, "I0101 Master listening on 10.0.0.7:5050\nmore\n"), TaskScheduler.Default);

        var result = await RunAsync(waitFor, transport, Args("path", path, "search_regex", @"listening on (?P<ip>[\d.]+):(\d+)$", "timeout", 10L));

        await appending;
        Assert.False(result.Failed, result.Message);
        Assert.Equal(new List<object?> { "10.0.0.7", "5050" }, result.Data["match_groups"]);
        Assert.Equal(new Dictionary<string, object?> { ["ip"] = "10.0.0.7" }, result.Data["match_groupdict"]);
    }

    [Fact]
    public async Task A_path_that_stays_times_out_when_waiting_for_absent()
    {
        var path = temp["lock"];
        File.WriteAllText(path, "");

        var result = await RunAsync(waitFor, transport, Args("path", path, "state", "absent", "timeout", 1L));

        Assert.True(result.Failed);
        Assert.Equal($"Timeout when waiting for {path} to be absent.", result.Message);
    }

    [Fact]
    public async Task Without_bash_the_port_is_tried_with_python3()
    {
        var python = PythonExecutable();
        Assert.True(python is not null, "python3 is needed on test machines (scripts/ installs it)");
        var bin = Directory.CreateDirectory(temp["bin"]).FullName;
        foreach (var tool in new[] { "date", "sleep", "timeout", "cat" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
        }

        File.CreateSymbolicLink(Path.Combine(bin, "python3"), python!);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var noBash = new EnvironmentTransport(transport, new Dictionary<string, string> { ["PATH"] = bin });

        var open = await RunAsync(waitFor, noBash, Args("port", (long)port, "timeout", 5L));
        listener.Stop();
        var closed = await RunAsync(waitFor, noBash, Args("port", (long)port, "timeout", 1L));

        Assert.False(open.Failed, open.Message);
        Assert.True(closed.Failed);
    }

    [Fact]
    public async Task Without_grep_P_the_content_is_searched_with_python3_else_grep_E()
    {
        var python = PythonExecutable();
        Assert.True(python is not null, "python3 is needed on test machines (scripts/ installs it)");
        var path = temp["zoo.cfg"];
        File.WriteAllText(path, "tickTime=2000\nserver.1=10.0.0.1:2888:3888\n");
        var withPython = Directory.CreateDirectory(temp["python"]).FullName;
        var withoutPython = Directory.CreateDirectory(temp["plain"]).FullName;
        foreach (var bin in new[] { withPython, withoutPython })
        {
            foreach (var tool in new[] { "date", "sleep", "head", "cat" })
            {
                File.CreateSymbolicLink(Path.Combine(bin, tool), Which(tool));
            }

            // A grep built without PCRE, as on some minimal systems.
            File.WriteAllText(Path.Combine(bin, "grep"), $"#!/bin/sh\ncase \"$1\" in -P*) echo 'grep: -P unsupported' >&2; exit 2;; esac\nexec {Which("grep")} \"$@\"\n");
            File.SetUnixFileMode(Path.Combine(bin, "grep"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        File.CreateSymbolicLink(Path.Combine(withPython, "python3"), python!);
        var arguments = Args("path", path, "search_regex", @"^server\.(\d+)=([\d.]+):", "timeout", 5L);

        var viaPython = await RunAsync(waitFor, new EnvironmentTransport(transport, new Dictionary<string, string> { ["PATH"] = withPython }), arguments);
        var viaGrep = await RunAsync(waitFor, new EnvironmentTransport(transport, new Dictionary<string, string> { ["PATH"] = withoutPython }), arguments);

        Assert.False(viaPython.Failed, viaPython.Message);
        Assert.Equal(new List<object?> { "1", "10.0.0.1" }, viaPython.Data["match_groups"]);
        Assert.False(viaGrep.Failed, viaGrep.Message);
        Assert.Equal(new List<object?> { "1", "10.0.0.1" }, viaGrep.Data["match_groups"]);
    }

    // A port that was free a moment ago and is closed again.
    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static string Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).First(File.Exists);

    private static string? PythonExecutable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"]) { RedirectStandardOutput = true })!;
            var path = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && File.Exists(path) ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
