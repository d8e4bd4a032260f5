using Xunit.Sdk;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>Assertions on a run that print the whole run (output and report) when they fail.</summary>
internal static class Expect
{
    public static RunReport Exit(OrchestrateResult result, int exitCode)
    {
        if (result.TimedOut || result.ExitCode != exitCode)
        {
            throw new XunitException($"expected exit code {exitCode}, got {result.Describe()}");
        }

        var report = result.RequiredReport;
        if (report.ExitCode is { } reported && reported != exitCode)
        {
            throw new XunitException($"the report says exit code {reported}, the process {exitCode}\n{result.Describe()}");
        }

        return report;
    }

    public static void Recap(OrchestrateResult result, string host, HostRecap expected)
    {
        var recap = result.RequiredReport.Recap.GetValueOrDefault(host);
        if (recap != expected)
        {
            throw new XunitException($"recap of {host}: expected {expected}, got {recap?.ToString() ?? "nothing"}\n{result.Describe()}");
        }
    }

    /// <summary>The rerun's promise: every host of the report ran and nothing changed, failed or was unreachable.</summary>
    public static void NothingChanged(OrchestrateResult result, IEnumerable<string> hosts)
    {
        var recap = result.RequiredReport.Recap;
        foreach (var host in hosts)
        {
            if (recap.GetValueOrDefault(host) is not { Changed: 0, Failed: 0, Unreachable: 0, Ok: > 0 })
            {
                throw new XunitException($"rerun: {host} should be ok with no change, got {recap.GetValueOrDefault(host)?.ToString() ?? "nothing"}\n{result.Describe()}");
            }
        }
    }

    public static void Status(OrchestrateResult result, string task, string host, string status)
    {
        var actual = result.RequiredReport.Task(task).On(host).Status;
        if (actual != status)
        {
            throw new XunitException($"task '{task}' on {host}: expected {status}, got {actual}\n{result.Describe()}");
        }
    }

    /// <summary>The run left no ssh process, control socket, session folder or upload temp file behind.</summary>
    public static async Task NoLeftoversAsync(Workspace workspace, IReadOnlyDictionary<string, string> hostListingsBefore)
    {
        var processes = await ControllerLeftovers.SshProcessesAfterAsync(workspace, TimeSpan.FromSeconds(2));
        Assert.True(processes.Count == 0, "ssh processes left on the controller:\n" + string.Join('\n', processes));
        var folders = ControllerLeftovers.TemporaryEntries(workspace);
        Assert.True(folders.Count == 0, "left in the program's TMPDIR:\n" + string.Join('\n', folders));
        foreach (var (host, before) in hostListingsBefore)
        {
            Assert.Equal(before, await workspace.Lab.LeftoverListingAsync(host));
        }
    }

    public static async Task<Dictionary<string, string>> HostListingsAsync(Workspace workspace)
    {
        var listings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var host in workspace.Lab.Hosts)
        {
            listings[host.Name] = await workspace.Lab.LeftoverListingAsync(host.Name);
        }

        return listings;
    }
}
