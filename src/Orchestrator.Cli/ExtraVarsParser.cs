using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Cli;

/// <summary>-e values: key=value words, an inline YAML/JSON mapping, or @file.yaml; later ones win.</summary>
internal static class ExtraVarsParser
{
    public static Dictionary<string, object?> Parse(IEnumerable<string> values, YamlValues.TagResolver? tagResolver = null)
    {
        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            foreach (var (key, item) in ParseOne(value, tagResolver))
            {
                merged[key] = item;
            }
        }

        return merged;
    }

    private static Dictionary<string, object?> ParseOne(string value, YamlValues.TagResolver? tagResolver)
    {
        var text = value.Trim();
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (!File.Exists(path))
            {
                throw new UserErrorException(new SourceLocation(path, 0, 0), $"extra vars file not found: {path}", ExitCodes.BadOptions);
            }

            return AsMapping(YamlLoader.LoadSingle(path, null, tagResolver), path, tagResolver);
        }

        if (text.StartsWith('{') || (text.Contains(':', StringComparison.Ordinal) && !text.Contains('=', StringComparison.Ordinal)))
        {
            var documents = YamlLoader.Parse(text, "<extra-vars>");
            return AsMapping(documents.Count == 0 ? null : documents[0], "<extra-vars>", tagResolver);
        }

        return KeyValueWords.Parse(text, "<extra-vars>");
    }

    private static Dictionary<string, object?> AsMapping(YNode? node, string source, YamlValues.TagResolver? tagResolver) => node switch
    {
        null => new Dictionary<string, object?>(StringComparer.Ordinal),
        YMapping mapping => YamlValues.ToDictionary(mapping, tagResolver),
        _ => throw new UserErrorException(node.Location, $"extra vars in {source} must be a mapping, not {node.KindName}", ExitCodes.BadOptions),
    };
}
