namespace Orchestrator.Cli;

/// <summary>The project folder whose top-level templates/ and files/ are searched last (SPEC §4).</summary>
internal static class ProjectDirectory
{
    /// <summary>The nearest folder at or above the playbook's that has templates/ or files/, else the playbook's parent.</summary>
    public static string Find(string playbookDirectory)
    {
        for (var folder = new DirectoryInfo(playbookDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "templates")) || Directory.Exists(Path.Combine(folder.FullName, "files")))
            {
                return folder.FullName;
            }

            if (File.Exists(Path.Combine(folder.FullName, "Orchestrator.sln")) || Directory.Exists(Path.Combine(folder.FullName, ".git")))
            {
                break;
            }
        }

        return Directory.GetParent(playbookDirectory)?.FullName ?? playbookDirectory;
    }
}
