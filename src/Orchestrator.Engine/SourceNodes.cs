using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Engine;

/// <summary>
/// The YAML nodes behind the model, found again by their locations. The model keeps one location per task,
/// play or argument; the check wants every string's own place (a typo in the third item of a task's vars), so
/// it re-reads the files (once each) and looks nodes up by line and column.
/// </summary>
internal sealed class SourceNodes
{
    private readonly Dictionary<string, Dictionary<(int Line, int Column), List<YNode>>?> files = new(StringComparer.Ordinal);

    /// <summary>The node written at <paramref name="location"/>; a collection before a scalar at the same place.</summary>
    public YNode? At(SourceLocation location)
    {
        if (!location.IsKnown || Index(location.File) is not { } index)
        {
            return null;
        }

        return index.TryGetValue((location.Line, location.Column), out var nodes)
            ? nodes.Find(n => n is not YScalar) ?? nodes[0]
            : null;
    }

    public YMapping? MappingAt(SourceLocation location) => At(location) as YMapping;

    /// <summary>The single document of a file, named <paramref name="displayPath"/> in locations; null when unreadable.</summary>
    public YNode? Root(string path, string displayPath)
    {
        try
        {
            var documents = YamlLoader.LoadFile(path, displayPath);
            return documents.Count == 0 ? null : documents[0];
        }
        catch (UserErrorException)
        {
            // The parser has reported what is wrong with the file.
            return null;
        }
    }

    private Dictionary<(int Line, int Column), List<YNode>>? Index(string file)
    {
        if (files.TryGetValue(file, out var known))
        {
            return known;
        }

        Dictionary<(int Line, int Column), List<YNode>>? index = null;
        if (File.Exists(file))
        {
            index = [];
            foreach (var document in LoadAll(file))
            {
                Add(index, document);
            }
        }

        files[file] = index;
        return index;
    }

    private static IReadOnlyList<YNode> LoadAll(string file)
    {
        try
        {
            return YamlLoader.LoadFile(file, file);
        }
        catch (UserErrorException)
        {
            return [];
        }
    }

    private static void Add(Dictionary<(int Line, int Column), List<YNode>> index, YNode node)
    {
        var key = (node.Location.Line, node.Location.Column);
        if (!index.TryGetValue(key, out var nodes))
        {
            index[key] = nodes = [];
        }

        nodes.Add(node);
        var children = node switch
        {
            YMapping mapping => mapping.Entries.Select(e => e.Value),
            YSequence sequence => sequence.Items,
            _ => [],
        };
        foreach (var child in children)
        {
            Add(index, child);
        }
    }
}
