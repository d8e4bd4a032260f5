using System.Text;

namespace Orchestrator.Output.Console;

/// <summary>A diff as ansible's _get_diff prints it: lines coloured by their first character, then a blank line.</summary>
internal static class DiffText
{
    public static string Format(string diff, bool colour)
    {
        var text = new StringBuilder();
        foreach (var line in diff.TrimEnd('\n').Split('\n'))
        {
            text.Append(AnsiColour.Wrap(line, Colour(line), colour)).Append('\n');
        }

        return text.Append('\n').ToString();
    }

    private static string? Colour(string line) => line switch
    {
        _ when line.StartsWith('+') => AnsiColour.DiffAdd,
        _ when line.StartsWith('-') => AnsiColour.DiffRemove,
        _ when line.StartsWith("@@", StringComparison.Ordinal) => AnsiColour.DiffLines,
        _ => null,
    };
}
