using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;
using Orchestrator.Playbooks.Parsing;

namespace Orchestrator.Playbooks;

/// <summary>
/// Reads a playbook with everything it pulls in statically (import_playbook, roles, import_tasks, include_tasks of
/// plain file names) and validates all of it before anything runs. Every problem found is reported at once.
/// </summary>
public sealed class PlaybookParser
{
    private readonly IModuleCatalog modules;
    private readonly ITemplateEngine? templates;
    private readonly YamlValues.TagResolver? tagResolver;

    public PlaybookParser(IModuleCatalog modules, ITemplateEngine? templates = null, YamlValues.TagResolver? tagResolver = null)
    {
        this.modules = modules;
        this.templates = templates;
        this.tagResolver = tagResolver;
    }

    /// <exception cref="UserErrorException">With every problem found, in file and line order (exit code 4).</exception>
    public Playbook Parse(string playbookPath)
    {
        var session = NewSession(playbookPath, out var fullPath);
        if (!File.Exists(fullPath))
        {
            throw new UserErrorException(new SourceLocation(session.Display(fullPath), 0, 0), $"playbook '{playbookPath}' not found");
        }

        var plays = PlaybookFileReader.Read(session, fullPath, []);
        ThrowIfErrors(session);
        return new Playbook(playbookPath, plays);
    }

    /// <summary>
    /// The first play's host pattern from a quick read of the playbook's YAML, before <see cref="Parse"/>; null when
    /// it is not a plain pattern. Never throws for a bad playbook: <see cref="Parse"/> reports that.
    /// </summary>
    public static Expression? PeekFirstPlayHosts(string playbookPath) => FirstPlayPeek.Hosts(Path.GetFullPath(playbookPath));

    /// <summary>
    /// Reads a task file that include_tasks names with a template, once the engine has rendered the name.
    /// Its notify targets are not checked here: the engine finds them (or not) at run time.
    /// </summary>
    public IReadOnlyList<TaskNode> ParseTaskFile(string path, RoleInfo? role = null)
    {
        var session = NewSession(path, out var fullPath);
        if (!File.Exists(fullPath))
        {
            throw new UserErrorException(new SourceLocation(session.Display(fullPath), 0, 0), $"task file '{path}' not found");
        }

        var scope = new PlayScope(Path.GetDirectoryName(fullPath)!);
        var tasks = TaskListReader.ReadFile(TaskContext.ForFile(session, scope, fullPath, role, isHandler: false));
        ThrowIfErrors(session);
        return tasks;
    }

    private ParseSession NewSession(string path, out string fullPath)
    {
        fullPath = Path.GetFullPath(path);
        return new ParseSession(modules, templates, tagResolver, Path.GetDirectoryName(fullPath)!, relativePaths: !Path.IsPathRooted(path));
    }

    private static void ThrowIfErrors(ParseSession session)
    {
        if (session.Diagnostics.HasErrors)
        {
            throw new UserErrorException(session.Diagnostics.Sorted());
        }
    }
}
