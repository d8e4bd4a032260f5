using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// The first play's host pattern, read from the YAML alone before the playbook is parsed and checked, so the
/// first connections can start while that runs. Only the plain case is answered: the first item is a play whose
/// <c>hosts</c> is a pattern or a list of patterns without templates. Anything else (an import, a template, a
/// vault-encrypted file, a YAML error) answers null and is left to the real parse, which reports it.
/// </summary>
internal static class FirstPlayPeek
{
    public static Expression? Hosts(string fullPath)
    {
        IReadOnlyList<YNode> documents;
        try
        {
            // No tag resolver: a peek never decrypts (or asks for a vault password).
            documents = YamlLoader.LoadFile(fullPath);
        }
        catch (UserErrorException)
        {
            return null;
        }

        if (documents is not [YSequence { Items: [YMapping play, ..] }]
            || play.Keys.Any(k => ModuleNames.Canonical(k) == "import_playbook")
            || play["hosts"] is not { } value)
        {
            return null;
        }

        IReadOnlyList<YNode> items = value is YSequence sequence ? sequence.Items : [value];
        var patterns = new List<string>();
        foreach (var item in items)
        {
            if (item is not YScalar { Tag: null } scalar || Describe.IsNull(scalar) || scalar.Value.Trim().Length == 0 || scalar.Value.Contains("{{", StringComparison.Ordinal))
            {
                return null;
            }

            patterns.Add(scalar.Value.Trim());
        }

        return patterns.Count == 0 ? null : new Expression(string.Join(':', patterns), value.Location);
    }
}
