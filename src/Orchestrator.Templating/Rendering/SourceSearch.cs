using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Checks and finds where a scalar's text is in its source file, for <see cref="ErrorPlacement"/> when the scalar's
/// shape alone does not tell (folded <c>&gt;</c> text joins lines; flow scalars fold over lines too).
/// </summary>
internal static class SourceSearch
{
    /// <summary>Whether the source at <paramref name="location"/> starts with the word at <paramref name="offset"/>.</summary>
    public static bool Shows(IReadOnlyList<string> sourceLines, SourceLocation location, string text, int offset)
    {
        var word = Word(text, offset);
        if (word.Length == 0 || location.Line < 1 || location.Line > sourceLines.Count)
        {
            return word.Length == 0;
        }

        var line = sourceLines[location.Line - 1];
        return location.Column >= 1 && location.Column - 1 + word.Length <= line.Length
            && string.CompareOrdinal(line, location.Column - 1, word, 0, word.Length) == 0;
    }

    /// <summary>
    /// The place of the text from <paramref name="offset"/> to the end of its expression (or line), counting
    /// earlier occurrences in the text so a repeated expression is found at the right one; null when not found.
    /// </summary>
    public static SourceLocation? Find(IReadOnlyList<string> sourceLines, SourceLocation origin, string text, int offset)
    {
        var snippet = Snippet(text, offset);
        if (snippet.Length == 0)
        {
            return null;
        }

        // A folded scalar's one text line takes at most as many source lines as it has characters.
        var skip = Occurrences(text, snippet, 0, offset);
        for (var number = origin.Line; number <= Math.Min(sourceLines.Count, origin.Line + text.Length + 1); number++)
        {
            var line = sourceLines[number - 1];
            var from = number == origin.Line ? Math.Clamp(origin.Column - 1, 0, line.Length) : 0;
            for (var at = line.IndexOf(snippet, from, StringComparison.Ordinal); at >= 0; at = line.IndexOf(snippet, at + 1, StringComparison.Ordinal))
            {
                if (skip-- == 0)
                {
                    return origin with { Line = number, Column = at + 1 };
                }
            }
        }

        return null;
    }

    private static string Word(string text, int offset)
    {
        var end = offset;
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && end - offset < 40)
        {
            end++;
        }

        return text[offset..end];
    }

    private static string Snippet(string text, int offset)
    {
        var lineEnd = text.IndexOf('\n', offset);
        var end = lineEnd < 0 ? text.Length : lineEnd;
        var close = text.IndexOf("}}", offset, end - offset, StringComparison.Ordinal);
        return text[offset..(close < 0 ? end : close + 2)].TrimEnd('\r');
    }

    private static int Occurrences(string text, string snippet, int from, int to)
    {
        var count = 0;
        for (var at = text.IndexOf(snippet, from, StringComparison.Ordinal); at >= 0 && at < to; at = text.IndexOf(snippet, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
