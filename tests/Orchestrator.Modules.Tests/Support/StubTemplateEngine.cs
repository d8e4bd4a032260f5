using System.Text.RegularExpressions;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Templating;

namespace Orchestrator.Modules.Tests.Support;

/// <summary>
/// Stands in for the Handlebars engine: "{{ name }}" is replaced by the variable's text; a condition is "true",
/// "false" or a variable holding a bool; an expression is a variable name. Undefined names throw, located.
/// </summary>
public sealed partial class StubTemplateEngine : ITemplateEngine
{
    public List<SourceLocation> RenderLocations { get; } = [];

    public object? RenderValue(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        RenderText(template, variables, location);

    public string RenderText(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location)
    {
        RenderLocations.Add(location);
        return Placeholder().Replace(template, match => Lookup(match.Groups[1].Value, variables, location)?.ToString() ?? "");
    }

    public object? RenderDeep(object? value, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        value is string text ? RenderText(text, variables, location) : value;

    public bool EvaluateCondition(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        expression.Trim() switch
        {
            "true" => true,
            "false" => false,
            var name => Lookup(name, variables, location) is true,
        };

    public object? EvaluateExpression(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        Lookup(expression.Trim(), variables, location);

    public void ValidateTemplate(string template, SourceLocation location)
    {
    }

    public void ValidateCondition(string expression, SourceLocation location)
    {
    }

    private static object? Lookup(string name, IReadOnlyDictionary<string, object?> variables, SourceLocation location) =>
        variables.TryGetValue(name, out var value) ? value : throw new UserErrorException(location, $"'{name}' is undefined");

    [GeneratedRegex(@"\{\{\s*(\w+)\s*\}\}")]
    private static partial Regex Placeholder();
}
