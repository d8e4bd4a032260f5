using HandlebarsDotNet;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// The state of one render call (one host, one string or file): the lazy root view, lazily rendered variable
/// values, and the chain of variables being rendered for cycle detection. Lazy variables are resolved on
/// access rather than all up front because a play's variables (hostvars!) are large and most are never used.
/// Rendering is a pure function of (template text, variables), so results are remembered by template text;
/// meeting a variable again while it is being rendered is a cycle, reported with the chain of variable names.
/// One session is used by one thread only, which is why nothing here locks; sessions are cheap and never shared.
/// </summary>
internal sealed class RenderSession
{
    private readonly TemplateCache templates;
    private readonly Dictionary<string, object?> rendered = new(StringComparer.Ordinal);
    private const int MaxDepth = 100;
    private readonly List<string> inProgress = [];
    private object? captured;

    public RenderSession(TemplateCache templates, IReadOnlyDictionary<string, object?> variables)
    {
        this.templates = templates;
        Root = new VariableView(variables, this, "");
    }

    public VariableView Root { get; }

    /// <summary>Renders a string; exactly one <c>{{ expr }}</c> returns the value itself, as a plain value.</summary>
    public object? RenderValue(string text)
    {
        if (!text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        var entry = templates.Get(text);
        if (entry.Single is { Path: { } path } single)
        {
            var resolved = PathLookup.TryResolve(Root, path, out var value);
            return resolved < 0
                ? PlainValue.From(value)
                : throw TemplateFailure.Undefined(string.Join('.', path.Take(resolved + 1)));
        }

        if (entry.Capture is { } capture)
        {
            captured = null;
            capture(Root);
            var value = captured;
            captured = null;
            return PlainValue.From(value);
        }

        return entry.Render(Root);
    }

    public string RenderText(string text) =>
        text.Contains("{{", StringComparison.Ordinal) ? templates.Get(text).Render(Root) : text;

    /// <summary>Called by the capture helper with the value of a single-expression template.</summary>
    public void Capture(object? value) =>
        captured = value is UndefinedBindingResult undefined ? throw TemplateFailure.Undefined(undefined.Value) : value;

    /// <summary>What a view hands out for a raw stored value: rendered if it is a template, a view if a container.</summary>
    public object? Resolve(object? raw, string path) => raw switch
    {
        string text when text.Contains("{{", StringComparison.Ordinal) => ResolveLazy(text, path),
        VariableView or ListView => raw,
        IReadOnlyDictionary<string, object?> mapping => new VariableView(mapping, this, path),
        IReadOnlyList<object?> list => new ListView(list, this, path),
        _ => raw,
    };

    private object? ResolveLazy(string text, string path)
    {
        if (rendered.TryGetValue(text, out var known))
        {
            return known;
        }

        var index = inProgress.FindIndex(name => string.Equals(name, path, StringComparison.Ordinal));
        if (index >= 0)
        {
            throw TemplateFailure.Cycle([.. inProgress.Skip(index), path]);
        }

        if (inProgress.Count >= MaxDepth)
        {
            throw TemplateFailure.Other($"variables refer to each other more than {MaxDepth} deep: {string.Join(" -> ", inProgress)}");
        }

        inProgress.Add(path);
        object? value;
        try
        {
            value = RenderValue(text);
        }
        catch (TemplateFailure failure)
        {
            throw failure.Via(path);
        }
        catch (TemplateSyntaxError error)
        {
            throw TemplateFailure.Other($"template syntax error in the value of '{path}': {error.Message}");
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
        }

        rendered[text] = value;
        return value;
    }
}
