using System.Text;

namespace Orchestrator.Core.Diagnostics;

/// <summary>
/// Renders diagnostics the way compilers do:
/// <code>
/// ERROR: unknown module 'foo'
///   --> playbooks/site.yaml:12:7
///    |
/// 12 |     - foo: bar
///    |       ^
/// </code>
/// </summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic)
    {
        var text = new StringBuilder();
        text.Append("ERROR: ").Append(diagnostic.Message).Append('\n');
        var location = diagnostic.Location;
        if (!location.IsKnown)
        {
            if (location.File.Length > 0)
            {
                text.Append("  --> ").Append(location.File).Append('\n');
            }

            return text.ToString();
        }

        text.Append("  --> ").Append(location).Append('\n');
        var line = diagnostic.LineText ?? ReadLine(location.File, location.Line);
        if (line is null)
        {
            return text.ToString();
        }

        var number = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gutter = new string(' ', number.Length);
        var visible = line.Replace("\t", "→", StringComparison.Ordinal);
        var caretColumn = Math.Clamp(location.Column, 1, visible.Length + 1);
        text.Append(gutter).Append(" |\n");
        text.Append(number).Append(" | ").Append(visible).Append('\n');
        text.Append(gutter).Append(" | ").Append(new string(' ', caretColumn - 1)).Append("^\n");
        return text.ToString();
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(Format));

    private static string? ReadLine(string file, int lineNumber)
    {
        try
        {
            if (!File.Exists(file))
            {
                return null;
            }

            return File.ReadLines(file).Skip(lineNumber - 1).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
