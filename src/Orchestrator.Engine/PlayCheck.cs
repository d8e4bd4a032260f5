using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// One play for <see cref="UndefinedVariableCheck"/>: which names its tasks can see (the inventory variables of
/// any of its hosts, play vars, vars_files, role defaults and vars, plus what the whole run knows) and every
/// place that reads variables.
/// </summary>
internal sealed class PlayCheck(CheckSession session, Play play)
{
    private readonly TaskCheck tasks = new(session, play);

    public void Run(KnownNames runKnown)
    {
        if (Hosts() is not { Count: > 0 } hosts)
        {
            // No host runs the play (or its pattern is wrong, which is reported): nothing in it is ever rendered.
            return;
        }

        var known = runKnown
            .With(hosts.SelectMany(host => session.Inventory.VariablesOf(host).Keys))
            .With(play.Vars.Keys)
            .With(play.Roles.SelectMany(role => role.Defaults.Keys.Concat(role.Vars.Keys)));
        known = VarsFiles(known);
        var source = session.Sources.MappingAt(play.Location);
        Values(source?["vars"] as YMapping, play.Vars, play.Location, known);
        Values(source?["environment"] as YMapping, play.Environment, play.Location, known);
        foreach (var role in play.Roles)
        {
            var file = RoleFile(role, "vars");
            var vars = file is null ? null : session.Sources.Root(file, session.Display(file)) as YMapping;
            Values(vars, role.Vars, role.Location, known);
        }

        var scope = ScopeNames.Of(known);
        tasks.List(play.PreTasks, scope);
        foreach (var role in play.Roles)
        {
            Role(role, scope);
        }

        tasks.List(play.Tasks, scope);
        tasks.List(play.PostTasks, scope);
        foreach (var handler in play.Roles.SelectMany(role => role.Handlers).Concat(play.Handlers))
        {
            tasks.Module(handler, scope);
        }
    }

    private IReadOnlyList<string>? Hosts()
    {
        try
        {
            var hosts = session.Inventory.Resolve(play.Hosts.Text, play.Hosts.Location);
            if (session.Options.Limit is { } limit)
            {
                var allowed = session.Inventory.Resolve(limit, new SourceLocation("--limit", 0, 0)).ToHashSet(StringComparer.Ordinal);
                hosts = hosts.Where(allowed.Contains).ToList();
            }

            return hosts;
        }
        catch (UserErrorException error)
        {
            foreach (var diagnostic in error.Diagnostics)
            {
                session.Report.Add(diagnostic);
            }

            return null;
        }
    }

    /// <summary>
    /// Adds the keys of vars files. A templated file name can only be resolved per host at run time, so such a
    /// play is not checked for undefined variables at all (any name might come from that file).
    /// </summary>
    private KnownNames VarsFiles(KnownNames known)
    {
        foreach (var entry in play.VarsFiles)
        {
            if (entry.Text.Contains("{{", StringComparison.Ordinal))
            {
                return KnownNames.Everything;
            }

            var path = Path.IsPathRooted(entry.Text) ? entry.Text : Path.Combine(play.BaseDirectory, entry.Text);
            if (IsVaultEncrypted(path))
            {
                // Its names are known only once decrypted, at run time: be lenient as for a templated name.
                return KnownNames.Everything;
            }

            if (File.Exists(path) && session.Sources.Root(path, session.Display(Path.GetFullPath(path))) is YMapping mapping)
            {
                known = known.With(mapping.Keys);
            }
        }

        return known;
    }

    private static bool IsVaultEncrypted(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var reader = new StreamReader(path);
        var buffer = new char[15];
        return reader.ReadBlock(buffer, 0, buffer.Length) == buffer.Length && new string(buffer) == "$ANSIBLE_VAULT;";
    }

    private void Role(Role role, ScopeNames playScope)
    {
        var entry = session.Sources.MappingAt(role.Location);
        var scope = tasks.Keywords(role.Common, entry, role.Location, playScope.With(role.Parameters.Keys).With(role.Common.Vars.Keys));
        foreach (var (name, value) in role.Parameters)
        {
            session.Report.Value(entry?[name], value, role.Location, session.ForValues(scope.Guarded));
        }

        tasks.List(role.Tasks, scope);
    }

    private void Values(YMapping? nodes, IReadOnlyDictionary<string, object?> values, SourceLocation fallback, KnownNames known)
    {
        foreach (var (name, value) in values)
        {
            session.Report.Value(nodes?[name], value, nodes?.KeyNode(name)?.Location ?? fallback, session.ForValues(known));
        }
    }

    private static string? RoleFile(Role role, string section) =>
        new[] { "main.yaml", "main.yml" }.Select(f => Path.Combine(role.Info.Directory, section, f)).FirstOrDefault(File.Exists);
}
