using System.Text.RegularExpressions;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// A template that is exactly one <c>{{ expr }}</c> (spaces inside the braces allowed, nothing outside), whose
/// value keeps its type. Text around it, even a newline (<c>content: "{{ x }}\n"</c>), makes it a string as in Ansible.
/// A plain dotted path is looked up directly (the hot path: no Handlebars call at all); anything else (a
/// helper call, a literal) is rendered as <c>{{__capture ...}}</c>, which hands back the object itself.
/// </summary>
/// <param name="Path">The path's segments when the expression is a plain path, else null.</param>
/// <param name="CaptureArgument">The Handlebars argument that evaluates to the expression's value.</param>
internal sealed partial record SingleExpression(string[]? Path, string CaptureArgument)
{
    public static SingleExpression? Detect(string text, IReadOnlyList<Mustache> mustaches)
    {
        if (mustaches.Count != 1 || mustaches[0].Kind != MustacheKind.Expression)
        {
            return null;
        }

        var mustache = mustaches[0];
        if (mustache.Start != 0 || mustache.End != text.Length)
        {
            return null;
        }

        var tokens = MustacheTokenizer.Tokenize(mustache);
        if (tokens.Count == 1 && tokens[0].IsRootPath && SimplePath().IsMatch(tokens[0].Text))
        {
            return new SingleExpression(tokens[0].Text.Split('.'), tokens[0].Text);
        }

        var isCall = tokens.Count > 1 && tokens[0].Kind == MustacheTokenKind.Word && !tokens[0].IsLiteral;
        return new SingleExpression(null, isCall ? "(" + mustache.Body + ")" : mustache.Body);
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$-]*(\.[A-Za-z0-9_$-]+)*$")]
    private static partial Regex SimplePath();
}
