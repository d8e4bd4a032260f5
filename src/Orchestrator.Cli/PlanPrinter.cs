using Orchestrator.Core.Diagnostics;
using Orchestrator.Engine;
using Orchestrator.Inventory;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Cli;

/// <summary>
/// --list-hosts and --list-tasks, in ansible-playbook's layout; connects to nothing. Tasks are those --tags and
/// --skip-tags select (<see cref="TaskListing"/>), each with its effective tags sorted, as ansible-playbook shows them.
/// </summary>
internal sealed class PlanPrinter(TextWriter output, HostInventory inventory, RunArguments arguments, RunOptions options)
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
            output.WriteLine($"  play #{number} ({play.Hosts.Text}): {play.Name}\tTAGS: [{string.Join(",", play.Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}]");
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
                foreach (var listed in TaskListing.Select(play, options))
                {
                    var tags = listed.Tags.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                    output.WriteLine($"      {Name(listed.Task)}\tTAGS: [{string.Join(", ", tags)}]");
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

    // ansible-playbook lists a named task by its full name (with the role), a nameless one by its action alone.
    private static string Name(TaskNode task) => task switch
    {
        { Common.Name: { } name } => task.Role is null ? name : $"{task.Role.Name} : {name}",
        ModuleTask module => module.Module,
        IncludeTasks => "include_tasks",
        _ => task.DisplayName,
    };
}
