using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Readers for the play keywords that need more than a type check.</summary>
internal static class PlayValues
{
    /// <summary>hosts: a pattern, or a list of patterns joined with ':' (their union).</summary>
    public static Expression? Hosts(ParseSession session, YScalar key, YNode value)
    {
        IReadOnlyList<YNode> items = value is YSequence sequence ? sequence.Items : [value];
        var patterns = new List<string>();
        foreach (var item in items)
        {
            if (item is not YScalar scalar || Describe.IsNull(item) || scalar.Value.Trim().Length == 0)
            {
                session.Error(item.Location, $"'{key.Value}' must be a host pattern or a list of them, not {Describe.Node(item)}");
                return null;
            }

            session.CheckTemplate(scalar.Value, scalar.Location);
            patterns.Add(scalar.Value.Trim());
        }

        if (patterns.Count == 0)
        {
            session.Error(value.Location, $"'{key.Value}' must not be an empty list");
            return null;
        }

        return new Expression(string.Join(':', patterns), value.Location);
    }

    /// <summary>vars_files: names relative to the play's folder; a file without a template must exist.</summary>
    public static IReadOnlyList<Expression> VarsFiles(ParseSession session, YScalar key, YNode value, string baseDirectory)
    {
        var files = KeywordReader.Strings(session, key, value);
        foreach (var file in files.Where(f => !ArgumentBinder.ContainsTemplate(f.Text)))
        {
            var path = Path.GetFullPath(Path.Combine(baseDirectory, file.Text));
            if (!File.Exists(path))
            {
                session.Error(file.Location, $"vars file '{file.Text}' not found (looked for {session.Display(path)})");
            }
        }

        return files;
    }

    public static void OtherKeyword(ParseSession session, YScalar key, YNode value)
    {
        if (PlayKeywords.FixedValue.TryGetValue(key.Value, out var only))
        {
            if (KeywordReader.String(session, key, value) is { } given && given != only)
            {
                session.Error(value.Location, $"only '{only}' is supported for '{key.Value}', not '{given}'");
            }

            return;
        }

        if (!PlayKeywords.Ignored.Contains(key.Value))
        {
            session.Error(key.Location, $"unknown play keyword '{key.Value}'{Suggest.Hint(key.Value, PlayKeywords.All)}");
        }
    }
}
