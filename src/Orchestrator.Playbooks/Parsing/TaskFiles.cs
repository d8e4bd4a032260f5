using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Finds and reads the files of import_tasks / include_tasks, refusing cycles.</summary>
internal static class TaskFiles
{
    /// <summary>
    /// The folder a relative task file is found in: the including file's folder, or for role files the role's
    /// tasks/ folder first and then the including file's folder. Null when it is in none of them.
    /// </summary>
    public static string? Locate(TaskContext context, string file, out IReadOnlyList<string> searched)
    {
        var folders = Path.IsPathRooted(file)
            ? [""]
            : new[] { context.IncludeDirectory, Path.GetDirectoryName(context.File)! }.Distinct(StringComparer.Ordinal).ToList();
        searched = folders.Select(f => Path.GetFullPath(Path.Combine(f, file))).ToList();
        return folders.FirstOrDefault(f => File.Exists(Path.Combine(f, file)));
    }

    /// <summary>The file named by <paramref name="fileNode"/> read as a task list, or null when it is missing or in a cycle.</summary>
    public static IReadOnlyList<TaskNode>? Load(TaskContext context, YScalar fileNode, string keyword, out string? folder)
    {
        var session = context.Session;
        folder = Locate(context, fileNode.Value, out var searched);
        if (folder is null)
        {
            var places = string.Join(", ", searched.Select(session.Display));
            session.Error(fileNode.Location, $"{keyword}: file '{fileNode.Value}' not found (looked for {places})");
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(folder, fileNode.Value));
        if (context.FileChain.Contains(path, StringComparer.Ordinal))
        {
            var chain = context.FileChain.SkipWhile(f => f != path).Append(path).Select(f => Path.GetFileName(f));
            session.Error(fileNode.Location, $"{keyword} cycle: {string.Join(" -> ", chain)}");
            return null;
        }

        return TaskListReader.ReadFile(context.Enter(path));
    }
}
