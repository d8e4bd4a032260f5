using Orchestrator.Core.Diagnostics;
using Orchestrator.Inventory;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Cli;

/// <summary>--list-hosts and --list-tasks, in ansible-playbook's layout; connects to nothing.</summary>
internal sealed class PlanPrinter(TextWriter output, HostInventory inventory, RunArguments arguments)
{
    public void Print(Playbook playbook)
    {
        output.WriteLine();
        output.WriteLine($"playbook: {playbook.Path}");
        var number = 0;
        foreach (var play in playbook.Plays)
        {
            number++;
            output.WriteLine();
            output.WriteLine($"  play #{number} ({play.Hosts.Text}): {play.Name}\tTAGS: [{string.Join(",", play.Tags)}]");
            if (arguments.ListHosts)
            {
                var hosts = Hosts(play);
                output.WriteLine($"    pattern: ['{play.Hosts.Text}']");
                output.WriteLine($"    hosts ({hosts.Count}):");
                foreach (var host in hosts)
                {
                    output.WriteLine($"      {host}");
                }
            }

            if (arguments.ListTasks)
            {
                output.WriteLine("    tasks:");
                var all = play.PreTasks.Concat(play.Roles.SelectMany(r => r.Tasks)).Concat(play.Tasks).Concat(play.PostTasks);
                foreach (var (task, tags) in Flatten(all, play.Tags))
                {
                    output.WriteLine($"      {task.DisplayName}\tTAGS: [{string.Join(", ", tags.Distinct())}]");
                }
            }
        }
    }

    private List<string> Hosts(Play play)
    {
        var hosts = inventory.Resolve(play.Hosts.Text, play.Hosts.Location);
        if (arguments.Limit is { } limit)
        {
            var allowed = inventory.Resolve(limit, new SourceLocation("--limit", 0, 0)).ToHashSet(StringComparer.Ordinal);
            hosts = hosts.Where(allowed.Contains).ToList();
        }

        return [.. hosts];
    }

    private static IEnumerable<(TaskNode Task, IReadOnlyList<string> Tags)> Flatten(IEnumerable<TaskNode> nodes, IReadOnlyList<string> inherited)
    {
        foreach (var node in nodes)
        {
            IReadOnlyList<string> tags = [.. inherited, .. node.Common.Tags];
            switch (node)
            {
                case BlockTask block:
                    foreach (var inner in Flatten(block.Block.Concat(block.Rescue).Concat(block.Always), tags))
                    {
                        yield return inner;
                    }

                    break;
                default:
                    yield return (node, tags);
                    break;
            }
        }
    }
}
