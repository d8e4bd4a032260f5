namespace Orchestrator.Output.Console;

/// <summary>Ansible's Display.banner: a blank line, then the title and stars up to the terminal width.</summary>
internal static class Banner
{
    public static string Format(string title, int width)
    {
        title = title.Trim();

        // Display uses max(79, terminal columns - 1) so the line ends one column short of the edge.
        var columns = Math.Max(79, width - 1);
        var stars = Math.Max(3, columns - title.Length);
        return $"\n{title} {new string('*', stars)}\n";
    }
}
