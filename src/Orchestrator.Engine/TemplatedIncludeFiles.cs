using System.Text.RegularExpressions;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// The task files an <c>include_tasks</c> with a templated name (<c>"{{ install_method }}.yaml"</c>) might load:
/// every YAML file beside it whose path fits the name with each <c>{{ }}</c> read as a wildcard, parsed. The
/// check learns the variables they define (register, set_fact) from them; which one a host loads is only known
/// at run time.
/// </summary>
internal static partial class TemplatedIncludeFiles
{
    public static IEnumerable<IReadOnlyList<TaskNode>> Candidates(IncludeTasks include, PlaybookParser parser)
    {
        if (!Directory.Exists(include.BaseDirectory))
        {
            yield break;
        }

        var pattern = new Regex(
            "^" + string.Concat(Template().Split(include.File.Trim()).Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : ".*")) + "$",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = include.File.Count(c => c == '/') + 1 };
        foreach (var file in Directory.EnumerateFiles(include.BaseDirectory, "*.y*ml", options).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(include.BaseDirectory, file).Replace('\\', '/');
            if (!pattern.IsMatch(relative) && !pattern.IsMatch(file))
            {
                continue;
            }

            IReadOnlyList<TaskNode>? tasks;
            try
            {
                tasks = parser.ParseTaskFile(file, include.Role);
            }
            catch (UserErrorException)
            {
                // Not a task file, or a broken one: the run reports it if a host ever includes it.
                tasks = null;
            }

            if (tasks is not null)
            {
                yield return tasks;
            }
        }
    }

    // The capture group keeps the {{ }} parts in Split's result, at odd indexes.
    [GeneratedRegex(@"(\{\{.*?\}\})")]
    private static partial Regex Template();
}
