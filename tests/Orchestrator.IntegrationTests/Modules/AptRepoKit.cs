using Orchestrator.IntegrationTests.HostKit;

namespace Orchestrator.IntegrationTests.Modules;

/// <summary>
/// tests/hostkit/aptrepo for a test lab: builds the repository (cached by recipe), serves it in a container on
/// the lab's network, and sets the hosts' distribution sources aside so apt only ever talks to it. Once per lab;
/// the server container carries the lab's label, so the collection's hostkit.sh down removes it.
/// </summary>
internal static class AptRepoKit
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<HostKitFixture, AptRepo> Served = [];

    public static async Task<AptRepo> EnsureAsync(HostKitFixture lab)
    {
        await Gate.WaitAsync();
        try
        {
            if (Served.TryGetValue(lab, out var repo))
            {
                return repo;
            }

            await RunAsync(lab, BuildTimeout, "build");
            await RunAsync(lab, StepTimeout, "serve");
            await RunAsync(lab, StepTimeout, ["isolate", .. lab.Hosts.Select(h => h.Name)]);
            repo = AptRepo.Parse(Path.Combine(lab.StateDirectory, "aptrepo", "aptrepo.env"));
            Served[lab] = repo;
            return repo;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(HostKitFixture lab, TimeSpan timeout, params string[] arguments)
    {
        var script = Path.Combine(lab.RepositoryRoot, "tests", "hostkit", "aptrepo", "aptrepo.sh");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOSTKIT_STATE"] = lab.StateDirectory };
        var result = await ProcessRunner.RunAsync("bash", [script, .. arguments], timeout, environment);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"aptrepo.sh {string.Join(' ', arguments)} failed: {result.Describe()}");
        }
    }
}
