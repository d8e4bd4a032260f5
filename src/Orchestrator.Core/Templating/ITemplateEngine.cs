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

    /// <summary>
    /// The variables a template reads from the root scope (names inside <c>{{#each}}</c>/<c>{{#with}}</c> bodies resolve
    /// against the item and are left out), each located where it is written. Syntax errors throw as in
    /// <see cref="ValidateTemplate"/>. An engine that cannot tell returns none.
    /// </summary>
    IReadOnlyList<VariableReference> TemplateReferences(string template, SourceLocation location) => [];

    /// <summary>The variables a condition reads, each located where it is written; syntax errors throw as in <see cref="ValidateCondition"/>.</summary>
    IReadOnlyList<VariableReference> ConditionReferences(string expression, SourceLocation location) => [];

    /// <summary>
    /// The root names certainly defined whenever the condition holds (<c>x</c> for <c>x is defined</c>,
    /// <c>x is defined and y</c>, <c>x == 1</c>), so what runs under it may use them; syntax errors throw.
    /// </summary>
    IReadOnlyCollection<string> ConditionGuarantees(string expression, SourceLocation location) => [];
}
