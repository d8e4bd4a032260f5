namespace Orchestrator.Modules.Text;

/// <summary>
/// A file's text as lines the way Python's readlines() splits bytes: after every '\n', each line keeping its
/// ending, the last one possibly without. A lone '\r' is not a line break.
/// </summary>
internal static class TextLines
{
    public static List<string> Split(string content)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < content.Length)
        {
            var end = content.IndexOf('\n', start);
            var next = end < 0 ? content.Length : end + 1;
            lines.Add(content[start..next]);
            start = next;
        }

        return lines;
    }

    /// <summary>The line without its ending ("\r\n" or "\n"); regexp and search_string look at this.</summary>
    public static string Body(string line) =>
        line.EndsWith("\r\n", StringComparison.Ordinal) ? line[..^2]
        : line.EndsWith('\n') ? line[..^1]
        : line;

    /// <summary>Python's line.rstrip('\r\n'), which Ansible compares an exact line with.</summary>
    public static string Stripped(string line) => line.TrimEnd('\r', '\n');

    /// <summary>
    /// The line ending new lines get: "\r\n" when the file's first line ends so, else "\n". Ansible always writes
    /// "\n", which leaves CRLF files with mixed endings and rewrites each CRLF line it replaces.
    /// </summary>
    public static string NewlineOf(IReadOnlyList<string> lines) =>
        lines.Count > 0 && lines[0].EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    public static bool IsTerminated(string line) => line.EndsWith('\n') || line.EndsWith('\r');
}
