using Orchestrator.Core.Diagnostics;
using Orchestrator.Modules;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// The variables a module task's arguments read. Every argument is rendered as a template by the engine, with
/// three exceptions that follow what the modules do: <c>debug: var</c> may name an undefined variable (it prints
/// "VARIABLE IS NOT DEFINED!"), <c>assert: that</c> holds conditions, and <c>template: src</c> names a template file
/// whose own references count (a missing file is reported here too, rather than in the middle of the run).
/// </summary>
internal sealed class ArgumentCheck(CheckSession session, Play play)
{
    public void Check(ModuleTask task, ArgumentNodes nodes, KnownNames known)
    {
        var spec = session.Modules.Find(task.Module);
        if (nodes.Words is { } words)
        {
            session.Report.Template(words.Value, words.Location, known);
        }

        foreach (var (written, value) in task.Arguments)
        {
            var name = spec?.Find(written)?.Name ?? written;
            var node = nodes[written];
            var location = node?.Location ?? task.ArgumentLocations.GetValueOrDefault(written, task.Location);
            if (nodes.Words is not null && node is null)
            {
                continue;
            }

            switch ((task.Module, name))
            {
                case ("debug", "var"):
                    break;
                case ("assert", "that"):
                    Conditions(node, value, location, known);
                    break;
                default:
                    session.Report.Value(node, value, location, known);
                    break;
            }
        }

        if (task.Module == "template" && task.Arguments.TryGetValue("src", out var source) && source is string path)
        {
            var location = nodes["src"]?.Location ?? task.ArgumentLocations.GetValueOrDefault("src", task.Location);
            TemplateFile(task, path, location, known);
        }
    }

    private void Conditions(Core.Yaml.YNode? node, object? value, SourceLocation location, KnownNames known)
    {
        var items = value is IReadOnlyList<object?> list ? list : [value];
        var itemNodes = node is Core.Yaml.YSequence sequence && sequence.Items.Count == items.Count ? sequence.Items : null;
        for (var i = 0; i < items.Count; i++)
        {
            var at = itemNodes?[i].Location ?? location;
            if (items[i] is not string text)
            {
                continue;
            }

            // The engine renders arguments before assert reads them: "{{ }}" in a condition is a template.
            if (text.Contains("{{", StringComparison.Ordinal))
            {
                session.Report.Template(text, at, known);
            }
            else
            {
                session.Report.Condition(text, at, known);
            }
        }
    }

    private void TemplateFile(ModuleTask task, string source, SourceLocation location, KnownNames known)
    {
        if (source.Contains("{{", StringComparison.Ordinal))
        {
            // Which file is only known at run time.
            return;
        }

        var search = new LocalFileSearch(task.Role?.Directory, play.BaseDirectory, session.Options.ProjectDirectory ?? play.BaseDirectory);
        string path;
        try
        {
            path = search.Resolve(source, "templates", location);
        }
        catch (UserErrorException error)
        {
            foreach (var diagnostic in error.Diagnostics)
            {
                session.Report.Add(diagnostic);
            }

            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            session.Report.Add(new Diagnostic(location, $"cannot read template '{source}': {error.Message}"));
            return;
        }

        session.Report.Template(text, new SourceLocation(session.Display(path), 1, 1), known);
    }
}
