using Orchestrator.Core.Modules;
using Orchestrator.Core.Values;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Loads roles/NAME/{tasks,handlers,defaults,vars}/main.yaml (or .yml) for a play's roles: list.</summary>
internal static class RoleLoader
{
    public static IReadOnlyList<Role> ReadList(TaskContext context, YScalar key, YNode value)
    {
        if (Describe.IsNull(value))
        {
            return [];
        }

        if (value is not YSequence sequence)
        {
            context.Session.Error(value.Location, $"'{key.Value}' must be a list of roles, not {Describe.Node(value)}");
            return [];
        }

        var roles = new List<Role>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            // As Ansible: a role listed again with the same parameters, when, tags and vars runs once, unless its
            // meta allows duplicates.
            if (RoleEntry.Read(context.Session, item) is { } entry && Load(context, entry) is { } role
                && (seen.Add(Identity(role)) || AllowsDuplicates(context.Session, role.Info.Directory)))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    private static Role? Load(TaskContext context, RoleEntry entry)
    {
        var session = context.Session;
        var name = entry.Name.Value.Trim();
        if (ArgumentBinder.ContainsTemplate(name))
        {
            session.Error(entry.Name.Location, "a role name cannot be a template");
            return null;
        }

        var candidates = Candidates(session, context.Play.BaseDirectory, name);
        var directory = candidates.FirstOrDefault(Directory.Exists);
        if (directory is null)
        {
            var searched = string.Join(", ", candidates.Select(session.Display));
            session.Error(entry.Name.Location, $"role '{name}' not found (searched: {searched})");
            return null;
        }

        RefuseDependencies(session, directory);
        var info = new RoleInfo(Path.GetFileName(directory), directory);
        var tasksFile = MainFile(directory, "tasks");
        var handlersFile = MainFile(directory, "handlers");
        var tasks = tasksFile is null ? [] : TaskListReader.ReadFile(TaskContext.ForFile(session, context.Play, tasksFile, info, isHandler: false));
        var handlers = handlersFile is null ? [] : TaskListReader.ReadHandlerFile(TaskContext.ForFile(session, context.Play, handlersFile, info, isHandler: true));
        return new Role(entry.Node.Location, info, entry.Common, entry.Parameters, Variables(session, directory, "defaults"), Variables(session, directory, "vars"), tasks, handlers);
    }

    /// <summary>roles/NAME beside the play's file, then beside the main playbook; a name with a '/' is a path from the play's folder.</summary>
    private static List<string> Candidates(ParseSession session, string playDirectory, string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(name))
        {
            return [Path.GetFullPath(Path.Combine(playDirectory, name))];
        }

        return new[] { playDirectory, session.MainDirectory }
            .Select(folder => Path.GetFullPath(Path.Combine(folder, "roles", name)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // Ignoring meta/main.yaml dependencies would silently skip roles the author relies on.
    private static void RefuseDependencies(ParseSession session, string roleDirectory)
    {
        var file = MainFile(roleDirectory, "meta");
        if (file is not null && session.LoadYaml(file, out _) is YMapping meta && meta["dependencies"] is { } dependencies
            && dependencies is YSequence { Items.Count: > 0 })
        {
            session.Error(dependencies.Location, "role dependencies (meta/main.yaml) are not supported: list the roles in the play instead");
        }
    }

    private static string Identity(Role role) => string.Join('\n',
        role.Info.Directory,
        PlainJson.Write(role.Parameters),
        string.Join(" and ", role.Common.When.Select(w => w.Text)),
        string.Join(',', role.Common.Tags),
        PlainJson.Write(role.Common.Vars));

    private static bool AllowsDuplicates(ParseSession session, string roleDirectory) =>
        MainFile(roleDirectory, "meta") is { } file && session.LoadYaml(file, out _) is YMapping meta
        && meta["allow_duplicates"] is YScalar { Value: var flag } && flag.Trim().ToLowerInvariant() is "true" or "yes" or "on";

    private static string? MainFile(string roleDirectory, string section) =>
        new[] { "main.yaml", "main.yml" }.Select(f => Path.Combine(roleDirectory, section, f)).FirstOrDefault(File.Exists);

    private static IReadOnlyDictionary<string, object?> Variables(ParseSession session, string roleDirectory, string section)
    {
        var file = MainFile(roleDirectory, section);
        var root = file is null ? null : session.LoadYaml(file, out _);
        if (root is null || Describe.IsNull(root))
        {
            return new Dictionary<string, object?>();
        }

        if (root is not YMapping mapping)
        {
            session.Error(root.Location, $"role {section} must be a mapping of variables, not {Describe.Node(root)}");
            return new Dictionary<string, object?>();
        }

        foreach (var key in mapping.Entries.Select(e => e.Key).Where(k => !Identifiers.IsValid(k.Value)))
        {
            session.Error(key.Location, $"'{key.Value}' is not a valid variable name (letters, digits and _, not starting with a digit)");
        }

        session.CheckTemplates(mapping);
        return YamlValues.ToDictionary(mapping, session.TagResolver);
    }
}
