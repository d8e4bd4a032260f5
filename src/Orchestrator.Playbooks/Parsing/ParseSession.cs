using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>State shared by one <see cref="PlaybookParser.Parse"/> call: collaborators, collected problems, loaded files.</summary>
internal sealed class ParseSession
{
    private readonly Dictionary<string, YNode?> loaded = new(StringComparer.Ordinal);
    private readonly HashSet<string> failed = new(StringComparer.Ordinal);
    private readonly bool relativePaths;
    private readonly string currentDirectory = Environment.CurrentDirectory;

    public ParseSession(IModuleCatalog modules, ITemplateEngine? templates, YamlValues.TagResolver? tagResolver, string mainDirectory, bool relativePaths)
    {
        Modules = modules;
        Templates = templates;
        TagResolver = tagResolver;
        MainDirectory = mainDirectory;
        this.relativePaths = relativePaths;
    }

    public IModuleCatalog Modules { get; }

    public ITemplateEngine? Templates { get; }

    public YamlValues.TagResolver? TagResolver { get; }

    /// <summary>The folder of the playbook given on the command line (full path).</summary>
    public string MainDirectory { get; }

    public DiagnosticBag Diagnostics { get; } = new();

    public void Error(SourceLocation location, string message) => Diagnostics.Add(location, message);

    /// <summary>How a file is named in locations: relative to the working folder when the user gave a relative path.</summary>
    public string Display(string fullPath) => relativePaths ? Path.GetRelativePath(currentDirectory, fullPath) : fullPath;

    /// <summary>
    /// The single document of a YAML file; null for an empty file. Problems are recorded, not thrown:
    /// <paramref name="ok"/> is false when the file could not be read or parsed.
    /// </summary>
    public YNode? LoadYaml(string fullPath, out bool ok)
    {
        var display = Display(fullPath);
        Diagnostics.NoteFile(display);
        if (loaded.TryGetValue(fullPath, out var cached))
        {
            ok = cached is not null || !failed.Contains(fullPath);
            return cached;
        }

        YNode? root = null;
        ok = true;
        try
        {
            var documents = YamlLoader.LoadFile(fullPath, display, TagResolver);
            if (documents.Count > 1)
            {
                Error(documents[1].Location, "expected one YAML document in the file, found " + documents.Count);
                ok = false;
            }

            root = documents.Count == 0 ? null : documents[0];
        }
        catch (UserErrorException ex)
        {
            Diagnostics.AddRange(ex.Diagnostics);
            ok = false;
        }

        if (!ok)
        {
            failed.Add(fullPath);
            root = null;
        }

        loaded[fullPath] = root;
        return root;
    }

    /// <summary>The plain value of a node (tag resolver applied), with every template inside syntax-checked.</summary>
    public object? ToPlain(YNode node)
    {
        CheckTemplates(node);
        return YamlValues.ToPlain(node, TagResolver);
    }

    public void CheckTemplates(YNode node)
    {
        switch (node)
        {
            case YScalar { Tag: null } scalar when scalar.ToPlain() is string text:
                CheckTemplate(text, scalar.Location);
                break;
            case YSequence sequence:
                foreach (var item in sequence.Items)
                {
                    CheckTemplates(item);
                }

                break;
            case YMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    CheckTemplates(entry.Value);
                }

                break;
        }
    }

    public void CheckTemplate(string text, SourceLocation location)
    {
        if (Templates is null || !ArgumentBinder.ContainsTemplate(text))
        {
            return;
        }

        try
        {
            Templates.ValidateTemplate(text, location);
        }
        catch (UserErrorException ex)
        {
            Diagnostics.AddRange(ex.Diagnostics);
        }
    }

    public void CheckCondition(string text, SourceLocation location)
    {
        if (Templates is null)
        {
            return;
        }

        try
        {
            Templates.ValidateCondition(text, location);
        }
        catch (UserErrorException ex)
        {
            Diagnostics.AddRange(ex.Diagnostics);
        }
    }
}
