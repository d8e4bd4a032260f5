using HandlebarsDotNet;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;
using Orchestrator.Templating.Conditions;
using Orchestrator.Templating.Rendering;
using Orchestrator.Templating.Values;

namespace Orchestrator.Templating;

/// <summary>
/// Handlebars templates (SPEC §4) and Jinja-like conditions over plain values. Thread-safe: compiled templates
/// and parsed conditions are cached and shared by all threads; each call gets its own <see cref="RenderSession"/>,
/// which renders lazy variables (values that are templates themselves) on access.
/// </summary>
public sealed class TemplateEngine : ITemplateEngine
{
    // Created on the first template that needs Handlebars (tens of milliseconds): not on the way to the first
    // connection, and never in a run whose templates are all plain text.
    private readonly TemplateCache templates = new(new Lazy<IHandlebars>(HandlebarsFactory.Create));
    private readonly ConditionCache conditions = new();

    public object? RenderValue(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        var session = new RenderSession(templates, variables);
        return Located(template, location, isFile: false, () => session.RenderValue(template));
    }

    public string RenderText(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return template;
        }

        var session = new RenderSession(templates, variables);
        return Located(template, location, ErrorPlacement.IsFileStart(location), () => session.RenderText(template));
    }

    public object? RenderDeep(object? value, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        if (value is string text && !text.Contains("{{", StringComparison.Ordinal))
        {
            return text;
        }

        return RenderDeep(value, new RenderSession(templates, variables), location);
    }

    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = ParseCondition(expression, location);
        var evaluator = new ConditionEvaluator(new RenderSession(templates, variables).Root);
        return LocatedCondition(expression, location, () => evaluator.IsTrue(parsed));
    }

    public object? EvaluateExpression(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = ParseCondition(expression, location);
        var evaluator = new ConditionEvaluator(new RenderSession(templates, variables).Root);
        return LocatedCondition(expression, location, () => PlainValue.From(evaluator.Require(parsed)));
    }

    public void ValidateTemplate(string template, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Contains("{{", StringComparison.Ordinal))
        {
            Located(template, location, ErrorPlacement.IsFileStart(location), () =>
            {
                templates.Get(template).Check();
                return true;
            });
        }
    }

    public void ValidateCondition(string expression, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ParseCondition(expression, location);
    }

    public IReadOnlyList<VariableReference> TemplateReferences(string template, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!template.Contains("{{", StringComparison.Ordinal))
        {
            return [];
        }

        var isFile = ErrorPlacement.IsFileStart(location);
        var found = Located(template, location, isFile, () =>
        {
            templates.Get(template).Check();
            return TemplateReferenceFinder.Find(template);
        });
        return Place(found, template, location, isFile);
    }

    public IReadOnlyList<VariableReference> ConditionReferences(string expression, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Place(ConditionReferenceFinder.Find(ParseCondition(expression, location)), expression, location, isFile: false);
    }

    public IReadOnlyCollection<string> ConditionGuarantees(string expression, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Conditions.ConditionGuarantees.WhenTrue(ParseCondition(expression, location));
    }

    private static List<VariableReference> Place(List<FoundReference> found, string text, SourceLocation location, bool isFile) =>
        found.Select(f => new VariableReference(f.Name, f.Path, ErrorPlacement.At(location, text, f.Offset, "", isFile).Location, f.Guarded)).ToList();

    private object? RenderDeep(object? value, RenderSession session, SourceLocation location)
    {
        switch (value)
        {
            case string text:
                return text.Contains("{{", StringComparison.Ordinal)
                    ? Located(text, location, isFile: false, () => session.RenderValue(text))
                    : text;
            case IReadOnlyDictionary<string, object?> mapping:
                var copy = new Dictionary<string, object?>(mapping.Count, StringComparer.Ordinal);
                foreach (var (key, item) in mapping)
                {
                    var renderedKey = key.Contains("{{", StringComparison.Ordinal)
                        ? Located(key, location, isFile: false, () => session.RenderText(key))
                        : key;
                    copy[renderedKey] = RenderDeep(item, session, location);
                }

                return copy;
            case IReadOnlyList<object?> list:
                return list.Select(item => RenderDeep(item, session, location)).ToList();
            default:
                return value;
        }
    }

    private Expr ParseCondition(string expression, SourceLocation location)
    {
        try
        {
            return conditions.Get(expression);
        }
        catch (ConditionFailure failure)
        {
            throw new UserErrorException([ErrorPlacement.At(location, expression, failure.Offset, "invalid condition: " + failure.Message, isFile: false)]);
        }
    }

    private static T LocatedCondition<T>(string expression, SourceLocation location, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (ConditionFailure failure)
        {
            throw new UserErrorException([ErrorPlacement.At(location, expression, failure.Offset, failure.Message, isFile: false)]);
        }
        catch (TemplateFailure failure)
        {
            throw new UserErrorException(location, failure.Message);
        }
    }

    private static T Located<T>(string template, SourceLocation location, bool isFile, Func<T> render)
    {
        try
        {
            return render();
        }
        catch (TemplateFailure failure)
        {
            var (offset, subject) = TemplateErrorLocator.Find(template, failure);
            throw new UserErrorException([ErrorPlacement.At(location, template, offset, failure.MessageFor(subject), isFile)]);
        }
        catch (TemplateSyntaxError error)
        {
            throw new UserErrorException([ErrorPlacement.At(location, template, error.Offset, "template syntax error: " + error.Message, isFile)]);
        }
        catch (HandlebarsException error)
        {
            throw new UserErrorException(location, "template error: " + error.Message);
        }
    }
}
