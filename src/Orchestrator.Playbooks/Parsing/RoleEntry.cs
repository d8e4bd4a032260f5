using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>An entry of a play's roles: list as written: the role's name, its keywords and its parameters.</summary>
internal sealed record RoleEntry(YNode Node, YScalar Name, TaskCommon Common, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>"- common" or "- role: common" (or "name:") with keywords (when, tags, become...) and parameters.</summary>
    public static RoleEntry? Read(ParseSession session, YNode node)
    {
        if (node is YScalar scalar && !Describe.IsNull(scalar))
        {
            return new RoleEntry(node, scalar, TaskCommon.Empty, new Dictionary<string, object?>());
        }

        if (node is not YMapping mapping)
        {
            session.Error(node.Location, $"a role entry must be a role name or a mapping with 'role:', not {Describe.Node(node)}");
            return null;
        }

        var nameNode = mapping["role"] ?? mapping["name"];
        if (nameNode is not YScalar name || Describe.IsNull(nameNode))
        {
            session.Error((nameNode ?? mapping).Location, "a role entry needs 'role:' with the role's name");
            return null;
        }

        var keywords = mapping.Entries.Where(e => e.Key.Value is not ("role" or "name") && TaskKeywords.Common.Contains(e.Key.Value));
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries.Where(e => e.Key.Value is not ("role" or "name") && !TaskKeywords.Common.Contains(e.Key.Value)))
        {
            if (!Identifiers.IsValid(key.Value))
            {
                session.Error(key.Location, $"'{key.Value}' is not a valid role parameter name (letters, digits and _, not starting with a digit)");
            }

            parameters[key.Value] = session.ToPlain(value);
        }

        return new RoleEntry(node, name, TaskCommonReader.Read(session, keywords), parameters);
    }
}
