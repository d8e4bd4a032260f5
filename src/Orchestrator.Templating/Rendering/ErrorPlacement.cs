using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Turns "offset N in this string" into a diagnostic location. A template file's text (passed with its own
/// location, line 1 column 1) maps exactly, and the offending line goes into the diagnostic. A playbook string
/// is a YAML scalar whose quoting, indentation and folding are not known here, so the source file is read
/// to find the text: a quoted scalar's escapes are undone up to the offset, and the line of a multi-line one
/// (<c>shell: |</c>) is looked for just below the scalar's start. When that place does not show the text (a folded
/// <c>&gt;</c> scalar), the text is searched for below the scalar's start. When the file cannot be read or the
/// text is not found, the scalar's own location is kept.
/// </summary>
internal static class ErrorPlacement
{
    /// <summary>Template files are rendered and validated with the location of their first character.</summary>
    public static bool IsFileStart(SourceLocation location) => location.Line == 1 && location.Column == 1;

    public static Diagnostic At(SourceLocation origin, string text, int offset, string message, bool isFile)
    {
        if (offset < 0 || offset > text.Length || !origin.IsKnown)
        {
            return new Diagnostic(origin, message);
        }

        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        var lineIndex = text.AsSpan(0, lineStart).Count('\n');
        var column = offset - lineStart;
        var lineEnd = text.IndexOf('\n', lineStart);
        var lineText = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)].TrimEnd('\r');
        if (isFile)
        {
            var location = new SourceLocation(origin.File, origin.Line + lineIndex, (lineIndex == 0 ? origin.Column : 1) + column);
            return new Diagnostic(location, message, lineText);
        }

        var sourceLines = SourceLines.Of(origin.File);
        var placed = Direct(origin, text, offset, sourceLines, lineIndex, column, lineText);
        if (!SourceSearch.Shows(sourceLines, placed, text, offset) && SourceSearch.Find(sourceLines, origin, text, offset) is { } found)
        {
            placed = found;
        }

        return new Diagnostic(placed, message);
    }

    /// <summary>Where the offset is by the scalar's shape: quoted on one line, plain on one line, or a literal block.</summary>
    private static SourceLocation Direct(SourceLocation origin, string text, int offset, IReadOnlyList<string> sourceLines, int lineIndex, int column, string lineText)
    {
        if (origin.Line <= sourceLines.Count && QuotedScalarColumn.Find(sourceLines[origin.Line - 1], origin.Column - 1, text, offset) is { } quoted)
        {
            // A quoted scalar with escapes ("...\n") or '' in it: its text is not its source.
            return origin with { Column = quoted };
        }

        if (lineIndex == 0 && !text.Contains('\n', StringComparison.Ordinal))
        {
            var line = origin.Line <= sourceLines.Count ? sourceLines[origin.Line - 1] : null;
            var quote = line is not null && origin.Column <= line.Length && line[origin.Column - 1] is '"' or '\'' ? 1 : 0;
            return origin with { Column = origin.Column + quote + column };
        }

        // A literal block's line N is on the scalar's line + N + 1; a flow scalar's on line + N.
        var content = lineText.TrimStart();
        var indent = lineText.Length - content.Length;
        for (var candidate = origin.Line + lineIndex + 1; candidate >= origin.Line + lineIndex && content.Length > 0; candidate--)
        {
            if (candidate <= sourceLines.Count && sourceLines[candidate - 1].TrimEnd('\r').EndsWith(content, StringComparison.Ordinal))
            {
                var start = sourceLines[candidate - 1].TrimEnd('\r').Length - content.Length;
                return new SourceLocation(origin.File, candidate, start + Math.Max(0, column - indent) + 1);
            }
        }

        return origin;
    }
}
