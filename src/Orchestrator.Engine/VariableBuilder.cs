using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Engine;

/// <summary>
/// Builds the variables a task sees on a host, in SPEC §4's precedence (low to high): role defaults,
/// inventory (all, groups, host), facts, play vars, vars_files, role vars, block vars, task vars,
/// set_fact/register, loop variables, extra vars; magic variables on top of all but extra vars.
/// </summary>
internal sealed class VariableBuilder(RunContext run, PlayContext play)
{
    public Dictionary<string, object?> Build(
        string host,
        TaskScope scope,
        IReadOnlyDictionary<string, object?>? taskVars = null,
        IReadOnlyDictionary<string, object?>? loopVars = null)
    {
        var state = run.Host(host);
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        Overlay(vars, play.RoleDefaults);
        Overlay(vars, run.Inventory.VariablesOf(host));
        vars["facts"] = state.Facts;
        Overlay(vars, play.Play.Vars);
        Overlay(vars, VarsFiles(host, vars));
        Overlay(vars, play.RoleVars);
        foreach (var layer in scope.Vars)
        {
            Overlay(vars, layer);
        }

        if (scope.PerHostVars.TryGetValue(host, out var hostLayer))
        {
            Overlay(vars, hostLayer);
        }

        if (taskVars is not null)
        {
            Overlay(vars, taskVars);
        }

        Overlay(vars, state.RuntimeVars);
        AddMagic(vars, host);
        if (loopVars is not null)
        {
            Overlay(vars, loopVars);
        }

        Overlay(vars, run.Options.ExtraVars);
        return vars;
    }

    /// <summary>What hostvars[host] shows: inventory, facts and runtime variables of that host.</summary>
    public IReadOnlyDictionary<string, object?> HostVariables(string host)
    {
        var state = run.Host(host);
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal);
        Overlay(vars, run.Inventory.VariablesOf(host));
        vars["facts"] = state.Facts;
        Overlay(vars, state.RuntimeVars);
        vars["inventory_hostname"] = host;
        return vars;
    }

    private void AddMagic(Dictionary<string, object?> vars, string host)
    {
        vars["inventory_hostname"] = host;
        vars["inventory_hostname_short"] = host.Split('.')[0];
        vars["groups"] = run.GroupsVariable;
        vars["group_names"] = run.Inventory.GroupNamesOf(host).Cast<object?>().ToList();
        vars["hostvars"] = new HostVarsView(run.HostNames, HostVariables);
        var active = play.Batch.Where(h => run.Host(h).IsActive).Cast<object?>().ToList();
        vars["play_hosts"] = active;
        vars["ansible_play_hosts"] = active;
        vars["ansible_play_batch"] = active;
        vars["ansible_play_hosts_all"] = play.HostsVariable;
        vars["ansible_check_mode"] = run.Options.CheckMode;
        vars["ansible_diff_mode"] = run.Options.DiffMode;
        vars["playbook_dir"] = play.Play.BaseDirectory;
    }

    private IReadOnlyDictionary<string, object?> VarsFiles(string host, IReadOnlyDictionary<string, object?> soFar)
    {
        if (play.Play.VarsFiles.Count == 0)
        {
            return new Dictionary<string, object?>();
        }

        return play.VarsFilesByHost.GetOrAdd(host, _ =>
        {
            // File names such as vars/{{ inventory_hostname }}.yaml may use magic and extra variables too.
            var context = new Dictionary<string, object?>(soFar, StringComparer.Ordinal);
            AddMagic(context, host);
            Overlay(context, run.Options.ExtraVars);
            return LoadVarsFiles(context);
        });
    }

    private Dictionary<string, object?> LoadVarsFiles(IReadOnlyDictionary<string, object?> soFar)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in play.Play.VarsFiles)
        {
            var name = run.Templates.RenderValue(entry.Text, soFar, entry.Location)?.ToString() ?? "";
            var path = Path.IsPathRooted(name) ? name : Path.Combine(play.Play.BaseDirectory, name);
            var root = YamlLoader.LoadSingle(path, null, run.TagResolver);
            if (root is null)
            {
                continue;
            }

            if (root is not YMapping mapping)
            {
                throw new UserErrorException(root.Location, $"vars file {name} must hold a mapping, not {root.KindName}");
            }

            Overlay(merged, YamlValues.ToDictionary(mapping, run.TagResolver));
        }

        return merged;
    }

    private static void Overlay(Dictionary<string, object?> target, IReadOnlyDictionary<string, object?> layer)
    {
        foreach (var (key, value) in layer)
        {
            target[key] = value;
        }
    }
}
