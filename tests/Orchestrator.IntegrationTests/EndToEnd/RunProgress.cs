using System.Diagnostics;
using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.EndToEnd;

/// <summary>Lets a test act while a run is inside a given task: waits, bounded, for a marker file the task writes.</summary>
internal static class RunProgress
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task WaitForMarkerAsync(HostKitFixture lab, OrchestrateProcess running, string path, params string[] hosts)
    {
        var clock = Stopwatch.StartNew();
        var waiting = hosts.ToList();
        for (var attempt = 0; attempt < 300 && clock.Elapsed < Limit; attempt++)
        {
            foreach (var host in waiting.ToList())
            {
                if (await lab.ExistsAsync(host, path))
                {
                    waiting.Remove(host);
                }
            }

            if (waiting.Count == 0)
            {
                return;
            }

            if (running.WaitForExitAsync().IsCompleted)
            {
                throw new Xunit.Sdk.XunitException($"the run ended before {path} appeared on {string.Join(", ", waiting)}\n{(await running.WaitForExitAsync()).Describe()}");
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"no {path} on {string.Join(", ", waiting)} within {Limit}\n{running.StandardOutputSoFar}");
    }
}
