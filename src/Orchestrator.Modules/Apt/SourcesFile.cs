using System.Text;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// The text of one sources.list.d file with a source set or taken out. Lines naming the same source (type, URI,
/// suite) are replaced by the one wanted, so a rerun or a changed option never adds a second line; other lines
/// (other sources, comments) stay as they are.
/// </summary>
internal static class SourcesFile
{
    public static string WithSource(string current, SourceLine wanted)
    {
        var lines = new List<string>();
        var placed = false;
        foreach (var line in Lines(current))
        {
            if (!Names(line, wanted))
            {
                lines.Add(line);
            }
            else if (!placed)
            {
                lines.Add(wanted.Text);
                placed = true;
            }
        }

        if (!placed)
        {
            lines.Add(wanted.Text);
        }

        return Join(lines);
    }

    /// <returns>The text without the source; null when no source line is left (the file should go).</returns>
    public static string? WithoutSource(string current, SourceLine unwanted)
    {
        var lines = Lines(current).Where(l => !Names(l, unwanted)).ToList();
        return lines.Any(l => SourceLine.Parse(l).Line is not null) ? Join(lines) : null;
    }

    private static bool Names(string line, SourceLine source) => SourceLine.Parse(line).Line is { } parsed && parsed.Identity == source.Identity;

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static string Join(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
