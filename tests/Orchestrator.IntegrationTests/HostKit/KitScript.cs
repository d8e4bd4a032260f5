namespace Orchestrator.IntegrationTests.HostKit;

/// <summary>Runs a script of tests/hostkit against one lab's state folder; a failure carries the script's output.</summary>
internal static class KitScript
{
    public static async Task RunAsync(string scriptPath, string stateDirectory, TimeSpan timeout, params string[] arguments)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOSTKIT_STATE"] = stateDirectory };
        var result = await ProcessRunner.RunAsync("bash", [scriptPath, .. arguments], timeout, environment);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{Path.GetFileName(scriptPath)} {string.Join(' ', arguments)} failed: {result.Describe()}");
        }
    }
}
