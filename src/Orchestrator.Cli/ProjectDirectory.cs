namespace Orchestrator.Cli;

/// <summary>The project folder whose top-level templates/ and files/ are searched last (SPEC §4).</summary>
internal static class ProjectDirectory
{
    /// <summary>
    /// The nearest folder above the playbook's that has templates/ or files/, not looking past a repository root
    /// (.git or Orchestrator.sln); else the playbook's own folder. The playbook folder's own templates/ and files/
    /// are searched before this one anyway, so having them must not hide the project's.
    /// </summary>
    public static string Find(string playbookDirectory)
    {
        var start = new DirectoryInfo(playbookDirectory);
        if (IsRepositoryRoot(start))
        {
            return start.FullName;
        }

        for (var folder = start.Parent; folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "templates")) || Directory.Exists(Path.Combine(folder.FullName, "files")))
            {
                return folder.FullName;
            }

            if (IsRepositoryRoot(folder))
            {
                break;
            }
        }

        return start.FullName;
    }

    private static bool IsRepositoryRoot(DirectoryInfo folder) =>
        File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")) || Directory.Exists(Path.Combine(folder.FullName, ".git"));
}
