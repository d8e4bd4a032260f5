using System.Globalization;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// One folder of BadInputs/ (the parser's corpus, linked in, and this project's own cases): playbook.yaml and
/// expected.txt with "message:", "location:" (FILE:LINE:COLUMN relative to the folder, or a name such as
/// "--limit" for a problem outside any file), and optionally "inventory:" (the case's own inventory),
/// "arguments:" (more command-line words) and "exit:" (default 4).
/// </summary>
internal sealed record CorpusCase(string Name, string Directory, IReadOnlyDictionary<string, string> Fields)
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "BadInputs");

    /// <summary>Used when the case brings no inventory: one local host in group web.</summary>
    public static readonly string DefaultInventory = Path.Combine(AppContext.BaseDirectory, "BadInputsInventory.yaml");

    public string Message => Fields["message"];

    public int ExitCode => Fields.TryGetValue("exit", out var code) ? int.Parse(code, CultureInfo.InvariantCulture) : 4;

    public string Inventory => Fields.TryGetValue("inventory", out var inventory) ? Path.Combine(Directory, inventory) : DefaultInventory;

    public IReadOnlyList<string> Arguments =>
        Fields.TryGetValue("arguments", out var words) ? words.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    /// <summary>The file the problem is in (absolute, as the CLI names it when given an absolute path), or null.</summary>
    public string? File => Location.Length == 3 ? Path.Combine(Directory, Location[0]) : null;

    public int Line => int.Parse(Location[1], CultureInfo.InvariantCulture);

    public int Column => int.Parse(Location[2], CultureInfo.InvariantCulture);

    /// <summary>What the diagnostic's "-->" line shows.</summary>
    public string Where => File is null ? Fields["location"] : $"{File}:{Line}:{Column}";

    private string[] Location => Fields["location"].Split(':');

    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static CorpusCase Load(string name)
    {
        var directory = Path.Combine(Root, name);
        var fields = System.IO.File.ReadAllLines(Path.Combine(directory, "expected.txt"))
            .Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        return new CorpusCase(name, directory, fields);
    }
}
