using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>"- import_playbook: other.yaml" with optional vars and tags, which apply to every imported play.</summary>
internal static class PlaybookImport
{
    public static IReadOnlyList<Play> Read(ParseSession session, YMapping mapping, YScalar importKey, string file, IReadOnlyList<string> chain)
    {
        IReadOnlyDictionary<string, object?> vars = new Dictionary<string, object?>();
        IReadOnlyList<string> tags = [];
        foreach (var (key, value) in mapping.Entries.Where(e => e.Key != importKey))
        {
            switch (key.Value)
            {
                case "name": KeywordReader.String(session, key, value); break;
                case "vars": vars = KeywordReader.Mapping(session, key, value, variableNames: true); break;
                case "tags": tags = KeywordReader.Tags(session, key, value); break;
                default:
                    var hint = Suggest.Hint(key.Value, ["name", "vars", "tags"]);
                    session.Error(key.Location, $"'{key.Value}' is not supported on import_playbook{hint} (supported: name, vars, tags)");
                    break;
            }
        }

        if (mapping[importKey.Value] is not YScalar target || Describe.IsNull(target) || ArgumentBinder.ContainsTemplate(target.Value))
        {
            var node = mapping[importKey.Value]!;
            session.Error(node.Location, $"'import_playbook' needs a file name without templates, not {Describe.Node(node)}");
            return [];
        }

        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target.Value));
        if (!File.Exists(path))
        {
            session.Error(target.Location, $"imported playbook '{target.Value}' not found (looked for {session.Display(path)})");
            return [];
        }

        if (chain.Contains(path, StringComparer.Ordinal))
        {
            var cycle = chain.SkipWhile(f => f != path).Append(path).Select(f => Path.GetFileName(f));
            session.Error(target.Location, $"import_playbook cycle: {string.Join(" -> ", cycle)}");
            return [];
        }

        return PlaybookFileReader.Read(session, path, chain)
            .Select(play => play with { Vars = Merge(play.Vars, vars), Tags = [.. play.Tags.Union(tags, StringComparer.Ordinal)] })
            .ToList();
    }

    // As in Ansible, the import's vars override the imported play's own.
    private static Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> play, IReadOnlyDictionary<string, object?> import)
    {
        var merged = new Dictionary<string, object?>(play, StringComparer.Ordinal);
        foreach (var (name, value) in import)
        {
            merged[name] = value;
        }

        return merged;
    }
}
