namespace Orchestrator.Cli.Tests;

public sealed class ProjectDirectoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("orchestrate-project-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Top_level_templates_are_found_even_when_the_playbook_folder_has_its_own()
    {
        Make("project/.git", "project/templates", "project/playbooks/templates");

        Assert.Equal(PathOf("project"), ProjectDirectory.Find(PathOf("project/playbooks")));
    }

    [Fact]
    public void Files_folder_marks_the_project_too()
    {
        Make("project/files", "project/playbooks");

        Assert.Equal(PathOf("project"), ProjectDirectory.Find(PathOf("project/playbooks")));
    }

    [Fact]
    public void Search_stops_at_the_repository_root()
    {
        Make("templates", "repo/.git", "repo/playbooks");

        Assert.Equal(PathOf("repo/playbooks"), ProjectDirectory.Find(PathOf("repo/playbooks")));
    }

    [Fact]
    public void Playbook_at_the_repository_root_is_the_project()
    {
        Make("templates", "repo/Orchestrator.sln/", "repo/templates");

        Assert.Equal(PathOf("repo"), ProjectDirectory.Find(PathOf("repo")));
    }

    private string PathOf(string relative) => Path.GetFullPath(Path.Combine(root, relative));

    private void Make(params string[] folders)
    {
        foreach (var folder in folders)
        {
            if (folder.EndsWith(".sln/", StringComparison.Ordinal))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(PathOf(folder.TrimEnd('/')))!);
                File.WriteAllText(PathOf(folder.TrimEnd('/')), "");
            }
            else
            {
                Directory.CreateDirectory(PathOf(folder));
            }
        }
    }
}
