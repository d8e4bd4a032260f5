namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Finds where in a template a rendering failure happened. Handlebars.Net does not report positions at run
/// time, so this searches the template's expressions for the variable or helper the failure names: the first
/// expression that uses it is taken (a name used twice may be placed at its first use).
/// </summary>
internal static class TemplateErrorLocator
{
    /// <returns>The offset in <paramref name="text"/> (-1 if not found), and the fullest name for the message.</returns>
    public static (int Offset, string Subject) Find(string text, TemplateFailure failure)
    {
        IReadOnlyList<Mustache>? mustaches;
        try
        {
            mustaches = MustacheScanner.Scan(text);
        }
        catch (TemplateSyntaxError)
        {
            mustaches = null;
        }

        if (mustaches is null || failure.LocateToken.Length == 0)
        {
            return (-1, failure.Subject);
        }

        var tokens = mustaches
            .Where(m => m.Kind is not MustacheKind.Comment and not MustacheKind.BlockClose)
            .SelectMany(MustacheTokenizer.Tokenize)
            .Where(t => t.Kind == MustacheTokenKind.Word)
            .ToList();
        var target = failure.LocateToken;
        var exact = tokens.Find(t => string.Equals(t.Text, target, StringComparison.Ordinal));
        if (exact is not null)
        {
            return (exact.Offset, failure.Subject);
        }

        // Handlebars names only the missing segment ('x' for a.x): find the path that has it.
        foreach (var token in tokens.Where(t => t.IsRootPath))
        {
            var segments = token.Text.Split('.', '/');
            var at = Array.IndexOf(segments, target);
            if (at >= 0)
            {
                var subject = failure.Kind == TemplateFailureKind.UndefinedVariable && failure.Chain.Count == 0
                    ? string.Join('.', segments.Take(at + 1))
                    : failure.Subject;
                return (token.Offset, subject);
            }
        }

        return (-1, failure.Subject);
    }
}
