using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Templating;

/// <summary>
/// Renders Handlebars templates and evaluates conditions against variables.
/// Errors (syntax, undefined variable) are <see cref="UserErrorException"/>s located at <c>location</c>.
/// </summary>
public interface ITemplateEngine
{
    /// <summary>Renders a string; a string that is exactly one <c>{{ expr }}</c> keeps the value's type.</summary>
    object? RenderValue(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location);

    /// <summary>Renders a whole template file's text; the result is always a string.</summary>
    string RenderText(string template, IReadOnlyDictionary<string, object?> variables, SourceLocation location);

    /// <summary>Renders every string inside a value (lists and mappings recursively).</summary>
    object? RenderDeep(object? value, IReadOnlyDictionary<string, object?> variables, SourceLocation location);

    /// <summary>Evaluates a condition expression (when, changed_when, failed_when, until, assert).</summary>
    bool EvaluateCondition(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location);

    /// <summary>Evaluates an expression to its value (debug var:).</summary>
    object? EvaluateExpression(string expression, IReadOnlyDictionary<string, object?> variables, SourceLocation location);

    /// <summary>Throws a located error when the template or condition has a syntax error (used by --syntax-check).</summary>
    void ValidateTemplate(string template, SourceLocation location);

    void ValidateCondition(string expression, SourceLocation location);
}
