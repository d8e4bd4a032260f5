using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;

namespace Orchestrator.Playbooks.Tests.Fakes;

/// <summary>Stands in for the Handlebars engine: a "{{" without its "}}" is a syntax error; a condition needs balanced parentheses.</summary>
internal sealed class FakeTemplateEngine : ITemplateEngine
{
    public List<string> ValidatedTemplates { get; } = [];

    public List<string> ValidatedConditions { get; } = [];

    public void ValidateTemplate(string template, SourceLocation location)
    {
        ValidatedTemplates.Add(template);
        if (template.Split("{{").Length != template.Split("}}").Length)
        {
            throw new UserErrorException(location, "template syntax error: unbalanced '{{'");
        }
    }

    public void ValidateCondition(string expression, SourceLocation location)
    {
        ValidatedConditions.Add(expression);
        if (expression.Count(c => c == '(') != expression.Count(c => c == ')'))
        {
            throw new UserErrorException(location, "condition syntax error: unbalanced parentheses");
        }
    }

    public object? RenderValue(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location) => throw new NotSupportedException();

    public string RenderText(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location) => throw new NotSupportedException();

    public object? RenderDeep(object? value, IReadOnlyDictionary<string, object?> variables, SourceLocation location) => throw new NotSupportedException();

    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location) => throw new NotSupportedException();

    public object? EvaluateExpression(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location) => throw new NotSupportedException();
}
