using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Values;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// include_tasks: its when and loop are evaluated per host when reached; hosts that include the same file
/// (and the same loop item) run the included tasks together.
/// </summary>
internal sealed class IncludeRunner(RunContext run, PlayContext play, TaskWalker walker, TaskFileLoader loadTaskFile)
{
    public async Task RunAsync(IncludeTasks include, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var variables = new VariableBuilder(run, play);
        var withKeywords = scope.Enter(include.Common);
        var groups = new List<(string Path, string ItemKey, List<string> Hosts, Dictionary<string, IReadOnlyDictionary<string, object?>> HostVars)>();
        foreach (var host in hosts)
        {
            var vars = variables.Build(host, withKeywords);
            var items = include.Loop is null ? [null] : LoopItems.Resolve(run, include.Loop, vars);
            for (var index = 0; index < items.Count; index++)
            {
                var loopVars = include.Loop is null ? null : LoopItems.Variables(include.Loop, items[index], index, items.Count);
                var itemVars = loopVars is null ? vars : variables.Build(host, withKeywords, loopVars: loopVars);
                if (!ExpressionGuard.All(run, withKeywords.When, itemVars))
                {
                    continue;
                }

                var file = run.Templates.RenderValue(include.File, itemVars, include.Location)?.ToString() ?? "";
                var path = Path.IsPathRooted(file) ? file : Path.Combine(include.BaseDirectory, file);
                var key = loopVars is null ? "" : index + ":" + PlainJson.Write(items[index]);
                var group = groups.FirstOrDefault(g => g.Path == path && g.ItemKey == key);
                if (group.Hosts is null)
                {
                    group = (path, key, [], new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal));
                    groups.Add(group);
                }

                group.Hosts.Add(host);
                if (loopVars is not null)
                {
                    group.HostVars[host] = loopVars;
                }
            }
        }

        // The include's own when and loop are spent; its other keywords apply to the included tasks.
        var inner = withKeywords with { When = scope.When };
        foreach (var (path, _, groupHosts, hostVars) in groups)
        {
            var tasks = include.Preloaded is not null && !include.File.Contains("{{", StringComparison.Ordinal)
                ? include.Preloaded
                : Load(path, include);
            await walker.RunListAsync(tasks, groupHosts, inner with { PerHostVars = hostVars }, cancellationToken).ConfigureAwait(false);
        }
    }

    private IReadOnlyList<TaskNode> Load(string path, IncludeTasks include)
    {
        if (!File.Exists(path))
        {
            throw new UserErrorException(include.Location, $"include_tasks: file not found: {path}");
        }

        return loadTaskFile(path, include.Role, include.Location);
    }
}
