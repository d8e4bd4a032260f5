using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Output;
using Orchestrator.Core.Values;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// include_tasks: its when and loop are evaluated per host when reached; hosts that include the same file
/// (and the same loop item) run the included tasks together. As in Ansible, the include is a task of its own:
/// tags select it (its tags are not its tasks'), and each host reports it ("included: FILE for HOST", ok) or
/// skips it, and the recap counts that.
/// </summary>
internal sealed class IncludeRunner(RunContext run, PlayContext play, TaskWalker walker, TaskFileLoader loadTaskFile)
{
    public async Task RunAsync(IncludeTasks include, IReadOnlyList<string> hosts, TaskScope scope, CancellationToken cancellationToken)
    {
        var withKeywords = scope.Enter(include.Common);
        if (!walker.Selects(withKeywords))
        {
            return;
        }

        var variables = new VariableBuilder(run, play);
        var groups = new List<(string Path, string ItemKey, string? Label, List<string> Hosts, Dictionary<string, IReadOnlyDictionary<string, object?>> HostVars)>();
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
                var path = Path.GetFullPath(Path.IsPathRooted(file) ? file : Path.Combine(include.BaseDirectory, file));
                var key = loopVars is null ? "" : index + ":" + PlainJson.Write(items[index]);
                var group = groups.FirstOrDefault(g => g.Path == path && g.ItemKey == key);
                if (group.Hosts is null)
                {
                    var label = include.Loop is null ? null : LoopItems.Label(run, include.Loop, items[index], itemVars);
                    group = (path, key, label, [], new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal));
                    groups.Add(group);
                }

                group.Hosts.Add(host);
                if (loopVars is not null)
                {
                    group.HostVars[host] = loopVars;
                }
            }
        }

        Report(include, hosts, scope, groups.Select(g => (g.Path, g.Label, (IReadOnlyList<string>)g.Hosts)).ToList());

        // The include's own when, loop and tags are spent; its other keywords apply to the included tasks.
        var inner = withKeywords with { When = scope.When, Tags = scope.Tags };
        foreach (var (path, _, _, groupHosts, hostVars) in groups)
        {
            var tasks = include.Preloaded is not null && !include.File.Contains("{{", StringComparison.Ordinal)
                ? include.Preloaded
                : Load(path, include);
            await walker.RunListAsync(tasks, groupHosts, inner with { PerHostVars = hostVars }, cancellationToken).ConfigureAwait(false);
        }
    }

    // Before --start-at-task is reached the include runs unseen, only so the start can be found in its file.
    private void Report(IncludeTasks include, IReadOnlyList<string> hosts, TaskScope scope, IReadOnlyList<(string Path, string? Label, IReadOnlyList<string> Hosts)> groups)
    {
        if (!run.StartReached)
        {
            return;
        }

        var display = new TaskStarted(include.DisplayName, "include_tasks", include.Location, scope.IsHandler);
        run.Output.TaskStarted(display);
        foreach (var (path, label, groupHosts) in groups)
        {
            foreach (var host in groupHosts)
            {
                run.Host(host).Stats.Count(ResultStatus.Ok, ignoredFailure: false, failureRescuable: false);
                run.Output.HostResult(new HostResult(host, display, ResultStatus.Ok)
                {
                    IncludedFile = path,
                    IncludedWith = groupHosts,
                    ItemLabel = label,
                });
            }
        }

        foreach (var host in hosts)
        {
            if (!groups.Any(g => g.Hosts.Contains(host)))
            {
                run.Host(host).Stats.Count(ResultStatus.Skipped, ignoredFailure: false, failureRescuable: false);
                run.Output.HostResult(new HostResult(host, display, ResultStatus.Skipped));
            }
            else if (include.Loop is not null)
            {
                // The loop's own result for the host, which the console does not print (as for any loop).
                run.Output.HostResult(new HostResult(host, display, ResultStatus.Ok) { IncludedFile = groups.Last(g => g.Hosts.Contains(host)).Path, HasItems = true });
            }
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
