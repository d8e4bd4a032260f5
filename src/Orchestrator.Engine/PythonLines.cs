namespace Orchestrator.Engine;

/// <summary>
/// Python's <c>str.splitlines()</c>, which Ansible uses for stdout_lines and stderr_lines: empty lines are kept
/// (trailing ones too; only the final line break ends no extra line), and \r, \r\n, \v, \f, \x1c-\x1e, \x85,
/// U+2028 and U+2029 all break lines.
/// </summary>
internal static class PythonLines
{
    public static List<object?> Split(string text)
    {
        var lines = new List<object?>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsBreak(text[i]))
            {
                continue;
            }

            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }

    private static bool IsBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';
}
