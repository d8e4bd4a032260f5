using Orchestrator.Core.Values;

namespace Orchestrator.Templating.Values;

/// <summary>Plain values (and the lazy views over them) as JSON in template output: keys in their order, other values as template text.</summary>
internal static class JsonText
{
    private static readonly PlainJsonStyle Compact = new() { Display = value => ValueText.Display(value) };

    public static string Write(object? value, int indent) =>
        PlainJson.Write(value, indent > 0 ? Compact with { Indent = indent } : Compact);
}
