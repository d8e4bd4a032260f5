namespace Orchestrator.IntegrationTests.HostKit;

internal static class RepositoryRoot
{
    private const string Marker = "Orchestrator.sln";

    /// <summary>The folder holding Orchestrator.sln, found by walking up from the test binaries.</summary>
    internal static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Marker)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no {Marker} above {AppContext.BaseDirectory}");
    }
}
