using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Turns "offset N in this string" into a diagnostic location. A template file's text (passed with its own
/// location, normally line 1 column 1) maps exactly, and the offending line goes into the diagnostic. A
/// playbook string only refines the column when it is a single line, since a multi-line YAML scalar's
/// indentation and folding are not known here.
/// </summary>
internal static class ErrorPlacement
{
    public static Diagnostic At(SourceLocation origin, string text, int offset, string message, bool isFile)
    {
        if (offset < 0 || offset > text.Length || !origin.IsKnown)
        {
            return new Diagnostic(origin, message);
        }

        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var lineIndex = text.AsSpan(0, lineStart).Count('\n');
        var column = offset - lineStart;
        if (isFile)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var lineText = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
            var location = new SourceLocation(origin.File, origin.Line + lineIndex, (lineIndex == 0 ? origin.Column : 1) + column);
            return new Diagnostic(location, message, lineText);
        }

        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return new Diagnostic(origin, message);
        }

        return new Diagnostic(origin with { Column = origin.Column + QuoteWidth(origin) + column }, message);
    }

    /// <summary>1 when the YAML scalar at <paramref name="origin"/> starts with a quote (the text starts after it).</summary>
    private static int QuoteWidth(SourceLocation origin)
    {
        try
        {
            if (!File.Exists(origin.File))
            {
                return 0;
            }

            var line = File.ReadLines(origin.File).Skip(origin.Line - 1).FirstOrDefault();
            return line is not null && origin.Column >= 1 && origin.Column <= line.Length && line[origin.Column - 1] is '"' or '\'' ? 1 : 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
