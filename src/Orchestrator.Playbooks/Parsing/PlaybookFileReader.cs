using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads a playbook file: its plays and, expanded in place, the playbooks it imports.</summary>
internal static class PlaybookFileReader
{
    /// <param name="chain">The importing files, outermost first, to refuse cycles.</param>
    public static IReadOnlyList<Play> Read(ParseSession session, string file, IReadOnlyList<string> chain)
    {
        var root = session.LoadYaml(file, out var ok);
        if (!ok)
        {
            return [];
        }

        if (root is null || Describe.IsNull(root))
        {
            session.Error(new(session.Display(file), 1, 1), "the playbook is empty: expected a list of plays");
            return [];
        }

        if (root is not YSequence sequence)
        {
            session.Error(root.Location, $"a playbook must be a list of plays, not {Describe.Node(root)}");
            return [];
        }

        var plays = new List<Play>();
        foreach (var item in sequence.Items)
        {
            if (item is not YMapping mapping)
            {
                session.Error(item.Location, $"a play must be a mapping, not {Describe.Node(item)}");
            }
            else if (ImportKey(mapping) is { } import)
            {
                plays.AddRange(PlaybookImport.Read(session, mapping, import, file, [.. chain, file]));
            }
            else
            {
                plays.Add(PlayReader.Read(session, mapping, file));
            }
        }

        return plays;
    }

    private static YScalar? ImportKey(YMapping mapping) =>
        mapping.Entries.Select(e => e.Key).FirstOrDefault(k => ModuleNames.Canonical(k.Value) == "import_playbook");
}
