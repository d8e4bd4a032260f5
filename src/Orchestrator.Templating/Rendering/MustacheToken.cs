using System.Text.RegularExpressions;

namespace Orchestrator.Templating.Rendering;

/// <param name="Offset">Offset of the token in the template text.</param>
internal sealed partial record MustacheToken(MustacheTokenKind Kind, string Text, int Offset)
{
    /// <summary>A word Handlebars reads as a literal, not as a variable.</summary>
    public bool IsLiteral =>
        Kind == MustacheTokenKind.String
        || Text is "true" or "false" or "null" or "undefined"
        || NumberPattern().IsMatch(Text);

    /// <summary>A word naming a variable from the root: not a literal, not <c>this</c>, <c>..</c> or <c>@data</c>.</summary>
    public bool IsRootPath =>
        Kind == MustacheTokenKind.Word && !IsLiteral && !Text.StartsWith('@') && !Text.StartsWith('.')
        && Text != "this" && !Text.StartsWith("this.", StringComparison.Ordinal) && !Text.StartsWith("this/", StringComparison.Ordinal);

    public bool IsDecimalLiteral => Kind == MustacheTokenKind.Word && DecimalPattern().IsMatch(Text);

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]+$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
