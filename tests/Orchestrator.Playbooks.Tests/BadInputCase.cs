namespace Orchestrator.Playbooks.Tests;

/// <summary>One folder of BadInputs/: playbook.yaml and expected.txt ("message: ...", "location: FILE:LINE:COLUMN").</summary>
public sealed record BadInputCase(string Name, string Directory, string Message, string File, int Line, int Column)
{
    public static IEnumerable<BadInputCase> All()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "BadInputs");
        return System.IO.Directory.GetDirectories(root).Order(StringComparer.Ordinal).Select(Load);
    }

    public static BadInputCase Load(string directory)
    {
        var fields = System.IO.File.ReadAllLines(Path.Combine(directory, "expected.txt"))
            .Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        var location = fields["location"].Split(':');
        return new BadInputCase(
            Path.GetFileName(directory),
            directory,
            fields["message"],
            Path.Combine(directory, location[0]),
            int.Parse(location[1], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(location[2], System.Globalization.CultureInfo.InvariantCulture));
    }

    public override string ToString() => Name;
}
