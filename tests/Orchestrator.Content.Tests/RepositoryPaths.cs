namespace Orchestrator.Content.Tests;

/// <summary>Where the content under test lives: the repository root (found upward from the test binary) and its folders.</summary>
internal static class RepositoryPaths
{
    public static readonly string Root = FindRoot();

    public static string Playbooks => Path.Combine(Root, "playbooks");

    public static string Templates => Path.Combine(Root, "templates");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The fixtures folder in the source tree, where golden files are (re)written on request.</summary>
    public static string SourceFixtures => Path.Combine(Root, "tests", "Orchestrator.Content.Tests", "Fixtures");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Orchestrator.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Orchestrator.sln not found above " + AppContext.BaseDirectory);
    }
}
