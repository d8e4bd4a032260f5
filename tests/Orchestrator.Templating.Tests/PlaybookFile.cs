using Orchestrator.Core.Yaml;

namespace Orchestrator.Templating.Tests;

/// <summary>A temporary YAML file loaded with Core's loader, to get real scalar locations.</summary>
internal sealed class PlaybookFile : IDisposable
{
    private readonly YNode root;

    public PlaybookFile(string yaml)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"templating-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(Path, yaml);
        root = YamlLoader.LoadSingle(Path)!;
    }

    public string Path { get; }

    public string[] Lines => File.ReadAllLines(Path);

    /// <summary>The scalar whose value is <paramref name="value"/>.</summary>
    public YScalar Scalar(string value) => All(root).Single(s => s.Value == value);

    public void Dispose() => File.Delete(Path);

    private static IEnumerable<YScalar> All(YNode node) => node switch
    {
        YScalar scalar => [scalar],
        YSequence sequence => sequence.Items.SelectMany(All),
        YMapping mapping => mapping.Entries.SelectMany(e => All(e.Value)),
        _ => [],
    };
}
