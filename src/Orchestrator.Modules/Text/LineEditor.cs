using System.Text.RegularExpressions;

namespace Orchestrator.Modules.Text;

/// <summary>
/// lineinfile's edit as a pure function of the old text, following Ansible's lineinfile.py step by step:
/// a regexp (or search_string) match is replaced (the last one, or the first with firstmatch); otherwise an
/// identical line means nothing to do; otherwise the line is inserted after/before the insertafter/insertbefore
/// match, or at the end.
/// </summary>
internal static class LineEditor
{
    public static LineEditOutcome Present(string content, LineEdit edit)
    {
        var line = edit.Line ?? throw new ArgumentException("state=present needs a line", nameof(edit));
        var lines = TextLines.Split(content);
        var newline = TextLines.NewlineOf(lines);
        var insertAfter = edit.InsertAfter ?? (edit.InsertBefore is null ? "EOF" : null);
        var (found, match) = FindMatch(lines, edit);
        var insertAt = -1;
        if (found < 0)
        {
            // An identical line counts wherever it is (the last one wins); the insert position is the
            // last insertafter/insertbefore match, or the first with firstmatch (which also ends the search).
            for (var index = 0; index < lines.Count; index++)
            {
                if (TextLines.Stripped(lines[index]) == line)
                {
                    found = index;
                }
                else if (edit.InsertPattern?.IsMatch(TextLines.Body(lines[index])) == true)
                {
                    insertAt = insertAfter is not null ? index + 1 : index;
                    if (edit.FirstMatch)
                    {
                        break;
                    }
                }
            }
        }

        if (found >= 0)
        {
            var replacement = edit.Backrefs && match is not null ? PythonTemplate.Expand(line, edit.Regexp!, match) : line;
            if (!replacement.EndsWith(newline, StringComparison.Ordinal))
            {
                replacement += newline;
            }

            if (lines[found] == replacement)
            {
                return Unchanged(content);
            }

            lines[found] = replacement;
            return Changed(lines, "line replaced");
        }

        if (edit.Backrefs)
        {
            // Without a match there is nothing to fill the backreferences with: Ansible leaves the file alone.
            return Unchanged(content);
        }

        if (edit.InsertBefore == "BOF" || insertAfter == "BOF")
        {
            lines.Insert(0, line + newline);
            return Changed(lines, "line added");
        }

        if (insertAfter == "EOF" || insertAt < 0)
        {
            Append(lines, line, newline);
            return Changed(lines, "line added");
        }

        if (insertAfter is not null)
        {
            // Not again when the line already follows the match.
            if (insertAt == lines.Count)
            {
                if (TextLines.Stripped(lines[insertAt - 1]) == line)
                {
                    return Unchanged(content);
                }

                Append(lines, line, newline);
                return Changed(lines, "line added");
            }

            if (TextLines.Stripped(lines[insertAt]) == line)
            {
                return Unchanged(content);
            }
        }

        lines.Insert(insertAt, line + newline);
        return Changed(lines, "line added");
    }

    public static LineEditOutcome Absent(string content, LineEdit edit)
    {
        var lines = TextLines.Split(content);
        var kept = lines.Where(l => !Matches(l, edit)).ToList();
        var found = lines.Count - kept.Count;
        return found == 0 ? Unchanged(content) : new LineEditOutcome(string.Concat(kept), true, $"{found} line(s) removed", found);
    }

    private static (int Index, Match? Match) FindMatch(List<string> lines, LineEdit edit)
    {
        var (found, match) = (-1, (Match?)null);
        for (var index = 0; index < lines.Count && (edit.Regexp is not null || edit.SearchString is not null); index++)
        {
            var body = TextLines.Body(lines[index]);
            var current = edit.Regexp?.Match(body);
            if (current?.Success == true || (edit.SearchString is { } search && body.Contains(search, StringComparison.Ordinal)))
            {
                (found, match) = (index, current);
                if (edit.FirstMatch)
                {
                    break;
                }
            }
        }

        return (found, match);
    }

    private static bool Matches(string line, LineEdit edit) =>
        edit.Regexp is { } regexp ? regexp.IsMatch(TextLines.Body(line))
        : edit.SearchString is { } search ? TextLines.Body(line).Contains(search, StringComparison.Ordinal)
        : TextLines.Stripped(line) == edit.Line;

    // Ansible appends without first ending an unterminated last line when it inserts after a match on that
    // line ("b" + "x\n" = "bx\n"); here the last line is always ended first.
    private static void Append(List<string> lines, string line, string newline)
    {
        if (lines.Count > 0 && !TextLines.IsTerminated(lines[^1]))
        {
            lines[^1] += newline;
        }

        lines.Add(line + newline);
    }

    private static LineEditOutcome Unchanged(string content) => new(content, false, "");

    private static LineEditOutcome Changed(List<string> lines, string message) => new(string.Concat(lines), true, message);
}
