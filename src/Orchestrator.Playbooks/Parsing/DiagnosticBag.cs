using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Collects every problem of a parse so the user sees them all at once, in file and line order.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];
    private readonly List<string> fileOrder = [];

    public bool HasErrors => items.Count > 0;

    /// <summary>Files are ordered by when they were first read: the playbook first, then what it pulls in.</summary>
    public void NoteFile(string displayPath)
    {
        if (!fileOrder.Contains(displayPath))
        {
            fileOrder.Add(displayPath);
        }
    }

    public void Add(SourceLocation location, string message) => items.Add(new Diagnostic(location, message));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => items.AddRange(diagnostics);

    public IReadOnlyList<Diagnostic> Sorted() =>
        items.Distinct()
            .OrderBy(d => FileRank(d.Location.File))
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();

    private int FileRank(string file)
    {
        var index = fileOrder.IndexOf(file);
        return index < 0 ? int.MaxValue : index;
    }
}
