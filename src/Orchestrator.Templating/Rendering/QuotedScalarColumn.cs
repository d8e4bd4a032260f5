using System.Globalization;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Maps an offset in a quoted YAML scalar's value back to its column on the source line, undoing the quoting:
/// <c>\n</c>, <c>\"</c>, <c>\x41</c>... in double quotes, <c>''</c> in single quotes. Only for a scalar whose text up
/// to the offset is on its first line; otherwise (folded over lines) the caller's own rules apply.
/// </summary>
internal static class QuotedScalarColumn
{
    /// <param name="line">The source line the scalar starts on.</param>
    /// <param name="quoteIndex">The 0-based index of the opening quote in <paramref name="line"/>.</param>
    /// <returns>The 1-based column of the value's character at <paramref name="offset"/>, or null.</returns>
    public static int? Find(string line, int quoteIndex, string value, int offset)
    {
        if (quoteIndex < 0 || quoteIndex >= line.Length || line[quoteIndex] is not ('"' or '\'') || offset > value.Length)
        {
            return null;
        }

        var quote = line[quoteIndex];
        var index = quoteIndex + 1;
        for (var decoded = 0; decoded < offset;)
        {
            if (index >= line.Length || (line[index] == quote && !(quote == '\'' && At(line, index + 1, '\''))))
            {
                return null;
            }

            var (width, produced) = line[index] switch
            {
                '\\' when quote == '"' => Escape(line, index),
                '\'' when quote == '\'' => (2, 1),
                _ => (1, 1),
            };
            index += width;
            decoded += produced;
        }

        return index < line.Length && offset < value.Length && line[index] == value[offset] ? index + 1 : null;
    }

    /// <returns>Source characters the escape takes, and the UTF-16 characters it stands for.</returns>
    private static (int Width, int Produced) Escape(string line, int index)
    {
        var kind = index + 1 < line.Length ? line[index + 1] : '\0';
        return kind switch
        {
            'x' => (4, 1),
            'u' => (6, 1),
            'U' when index + 10 <= line.Length
                && int.TryParse(line.AsSpan(index + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) =>
                (10, code > 0xFFFF ? 2 : 1),
            _ => (2, 1),
        };
    }

    private static bool At(string line, int index, char c) => index < line.Length && line[index] == c;
}
