using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Where a task list is being read: the file, the folder includes resolve against, the role, the import chain.</summary>
/// <param name="File">Full path of the file being read.</param>
/// <param name="IncludeDirectory">Where relative import_tasks/include_tasks paths are looked up first (a role's tasks/ folder for role files).</param>
/// <param name="FileChain">Files being imported or included, outermost first, to detect cycles.</param>
internal sealed record TaskContext(
    ParseSession Session,
    PlayScope Play,
    string File,
    string IncludeDirectory,
    RoleInfo? Role,
    bool IsHandler,
    IReadOnlyList<string> FileChain)
{
    public static TaskContext ForFile(ParseSession session, PlayScope play, string file, RoleInfo? role, bool isHandler) =>
        new(session, play, file, IncludeDirectoryFor(file, role), role, isHandler, [file]);

    public TaskContext Enter(string file) =>
        this with { File = file, IncludeDirectory = IncludeDirectoryFor(file, Role), FileChain = [.. FileChain, file] };

    private static string IncludeDirectoryFor(string file, RoleInfo? role) =>
        role is null ? Path.GetDirectoryName(file)! : Path.Combine(role.Directory, "tasks");
}
