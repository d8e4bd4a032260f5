using System.Text;
using DiffPlex;
using DiffPlex.Model;
using Orchestrator.Output.Diff;

namespace Orchestrator.Output;

/// <summary>
/// Renders before/after file contents as a unified diff in the shape ansible-playbook --diff shows:
/// <c>--- before: PATH</c> / <c>+++ after: PATH</c> headers and GNU-style hunks with 3 lines of context.
/// </summary>
public static class UnifiedDiff
{
    public const int ContextLines = 3;

    private const string NoNewlineMarker = "\\ No newline at end of file";

    /// <returns>The diff text (every line ends with "\n"), or "" when the contents are identical.</returns>
    public static string Render(string path, string before, string after)
    {
        ArgumentNullException.ThrowIfNull(path);
        before ??= "";
        after ??= "";
        if (string.Equals(before, after, StringComparison.Ordinal))
        {
            return "";
        }

        var beforeLines = DiffLines.Split(before);
        var afterLines = DiffLines.Split(after);

        // Lines keep their terminator, so "x" and "x\n" differ and the missing newline shows up as a change.
        var result = new Differ().CreateCustomDiffs(before, after, false, DiffLines.Split);

        var text = new StringBuilder();
        text.Append("--- before: ").Append(path).Append('\n');
        text.Append("+++ after: ").Append(path).Append('\n');
        foreach (var hunk in DiffHunk.Group(result.DiffBlocks, beforeLines.Length, afterLines.Length, ContextLines))
        {
            AppendHunk(text, hunk, beforeLines, afterLines);
        }

        return text.ToString();
    }

    private static void AppendHunk(StringBuilder text, DiffHunk hunk, string[] beforeLines, string[] afterLines)
    {
        text.Append("@@ -").Append(hunk.FormatRangeA()).Append(" +").Append(hunk.FormatRangeB()).Append(" @@\n");
        var a = hunk.StartA;
        var b = hunk.StartB;
        foreach (var block in hunk.Blocks)
        {
            for (; a < block.DeleteStartA; a++, b++)
            {
                AppendLine(text, ' ', beforeLines[a]);
            }

            AppendChange(text, block, beforeLines, afterLines);
            a = block.DeleteStartA + block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        for (; a < hunk.EndA; a++)
        {
            AppendLine(text, ' ', beforeLines[a]);
        }
    }

    private static void AppendChange(StringBuilder text, DiffBlock block, string[] beforeLines, string[] afterLines)
    {
        for (var i = 0; i < block.DeleteCountA; i++)
        {
            AppendLine(text, '-', beforeLines[block.DeleteStartA + i]);
        }

        for (var i = 0; i < block.InsertCountB; i++)
        {
            AppendLine(text, '+', afterLines[block.InsertStartB + i]);
        }
    }

    private static void AppendLine(StringBuilder text, char prefix, string line)
    {
        text.Append(prefix);
        if (line.EndsWith('\n'))
        {
            text.Append(line);
        }
        else
        {
            text.Append(line).Append('\n').Append(NoNewlineMarker).Append('\n');
        }
    }
}
