using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Engine;

/// <summary>
/// Collects the problems <see cref="UndefinedVariableCheck"/> finds: unguarded references to names that are not
/// known where they are written, and template errors met on the way. Each problem is reported once.
/// </summary>
internal sealed class ReferenceReport(ITemplateEngine templates)
{
    private readonly List<Diagnostic> diagnostics = [];
    private readonly HashSet<(SourceLocation, string)> seen = [];

    /// <summary>In file, line and column order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        diagnostics
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();

    public void Add(Diagnostic diagnostic)
    {
        if (seen.Add((diagnostic.Location, diagnostic.Message)))
        {
            diagnostics.Add(diagnostic);
        }
    }

    public void Template(string text, SourceLocation location, KnownNames known, KnownNames? provenByWhen = null)
    {
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            Collect(() => templates.TemplateReferences(text, location), known, provenByWhen);
        }
    }

    public void Condition(string text, SourceLocation location, KnownNames known) =>
        Collect(() => templates.ConditionReferences(text, location), known);

    /// <summary>
    /// Every string of a value, as the engine renders it (lists and mappings deeply, mapping keys too). With the
    /// value's YAML <paramref name="node"/> each string is located where it is written; without, at <paramref name="location"/>.
    /// </summary>
    /// <param name="provenByWhen">Names the task's when conditions prove, which the value cannot count on (a loop's list).</param>
    public void Value(YNode? node, object? value, SourceLocation location, KnownNames known, KnownNames? provenByWhen = null)
    {
        if (node is not null && Matches(node, value))
        {
            Node(node, known, provenByWhen);
            return;
        }

        switch (value)
        {
            case string text:
                Template(text, location, known, provenByWhen);
                break;
            case IReadOnlyDictionary<string, object?> mapping:
                foreach (var (key, item) in mapping)
                {
                    Template(key, location, known, provenByWhen);
                    Value(null, item, location, known, provenByWhen);
                }

                break;
            case IReadOnlyList<object?> list:
                foreach (var item in list)
                {
                    Value(null, item, location, known, provenByWhen);
                }

                break;
        }
    }

    private void Node(YNode node, KnownNames known, KnownNames? provenByWhen)
    {
        switch (node)
        {
            case YScalar { Tag: null } scalar when scalar.ToPlain() is string text:
                Template(text, scalar.Location, known, provenByWhen);
                break;
            case YMapping mapping:
                foreach (var (key, item) in mapping.Entries)
                {
                    Template(key.Value, key.Location, known, provenByWhen);
                    Node(item, known, provenByWhen);
                }

                break;
            case YSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Node(item, known, provenByWhen);
                }

                break;
        }
    }

    /// <summary>Whether the node is the one the value came from (a k=v word's value is not a node of its own).</summary>
    private static bool Matches(YNode node, object? value) => (node, value) switch
    {
        (YMapping, IReadOnlyDictionary<string, object?>) => true,
        (YSequence, IReadOnlyList<object?>) => true,
        (YScalar scalar, string text) => scalar.Value == text,
        (YScalar, _) => true,
        _ => false,
    };

    private void Collect(Func<IReadOnlyList<VariableReference>> find, KnownNames known, KnownNames? provenByWhen = null)
    {
        IReadOnlyList<VariableReference> references;
        try
        {
            references = find();
        }
        catch (UserErrorException error)
        {
            foreach (var diagnostic in error.Diagnostics)
            {
                Add(diagnostic);
            }

            return;
        }

        foreach (var reference in references.Where(r => !r.Guarded && !known.Contains(r.Name)))
        {
            var hint = provenByWhen?.Contains(reference.Name) == true
                ? " (a loop's list is rendered before 'when' is evaluated, so 'when' does not protect it)"
                : Orchestrator.Templating.Rendering.JinjaPathHint.For(reference.Name);
            Add(new Diagnostic(reference.Location, $"undefined variable '{reference.Name}'{hint}"));
        }
    }
}
