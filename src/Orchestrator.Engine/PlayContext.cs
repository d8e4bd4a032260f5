using System.Collections.Concurrent;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>One play being run: its hosts, merged role variables and handlers, and loaded vars_files.</summary>
internal sealed class PlayContext
{
    public PlayContext(Play play, IReadOnlyList<string> hosts)
    {
        Play = play;
        Hosts = hosts;
        HostsVariable = hosts.Cast<object?>().ToList();
        RoleDefaults = MergeAll(play.Roles.Select(r => r.Defaults));
        RoleVars = MergeAll(play.Roles.Select(r => r.Vars));
        Handlers = [.. play.Roles.SelectMany(r => r.Handlers), .. play.Handlers];
    }

    public Play Play { get; }

    /// <summary>All hosts of the play (after --limit), in inventory order.</summary>
    public IReadOnlyList<string> Hosts { get; }

    /// <summary>The magic <c>ansible_play_hosts_all</c>, built once per play (not per host and task).</summary>
    public IReadOnlyList<object?> HostsVariable { get; }

    /// <summary>The hosts of the current serial batch.</summary>
    public IReadOnlyList<string> Batch { get; set; } = [];

    public IReadOnlyDictionary<string, object?> RoleDefaults { get; }

    public IReadOnlyDictionary<string, object?> RoleVars { get; }

    /// <summary>Role handlers first, then the play's, in definition order.</summary>
    public IReadOnlyList<ModuleTask> Handlers { get; }

    /// <summary>vars_files content per host (the file names may be templates).</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, object?>> VarsFilesByHost { get; } = new(StringComparer.Ordinal);

    private static Dictionary<string, object?> MergeAll(IEnumerable<IReadOnlyDictionary<string, object?>> layers)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer)
            {
                merged[key] = value;
            }
        }

        return merged;
    }
}
