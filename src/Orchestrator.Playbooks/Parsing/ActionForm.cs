using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Ansible's older "action: copy src=a dest=b" and "action: {module: copy, src: a}" forms.</summary>
internal static class ActionForm
{
    public static ModuleUse? Read(ParseSession session, YScalar key, YNode value)
    {
        switch (value)
        {
            case YScalar scalar when !Describe.IsNull(scalar):
                var text = scalar.Value.TrimStart();
                var skipped = scalar.Value.Length - text.Length;
                var end = text.IndexOfAny([' ', '\t', '\n']);
                var name = end < 0 ? text : text[..end];
                var rest = end < 0 ? "" : text[(end + 1)..];
                var nameNode = new YScalar(ColumnAt(scalar, skipped), name, false);
                var restNode = new YScalar(ColumnAt(scalar, skipped + name.Length + 1), rest, scalar.IsQuoted);
                return Find(session, nameNode, restNode);
            case YMapping mapping when mapping["module"] is YScalar moduleName:
                var args = new YMapping(mapping.Location, mapping.Entries.Where(e => e.Key.Value != "module").ToList());
                return Find(session, moduleName, args);
            default:
                session.Error(value.Location, $"'{key.Value}' must be 'module arguments' or a mapping with 'module:', not {Describe.Node(value)}");
                return null;
        }
    }

    private static ModuleUse? Find(ParseSession session, YScalar name, YNode arguments)
    {
        if (session.Modules.Find(ModuleNames.Canonical(name.Value)) is { } spec)
        {
            return new ModuleUse(name, arguments, spec);
        }

        var hint = Suggest.Hint(ModuleNames.Canonical(name.Value), session.Modules.All.Select(m => m.Name));
        session.Error(name.Location, $"unknown module '{name.Value}'{hint}");
        return null;
    }

    private static Core.Diagnostics.SourceLocation ColumnAt(YScalar scalar, int offset) =>
        scalar.IsQuoted || scalar.Value.Contains('\n', StringComparison.Ordinal)
            ? scalar.Location
            : scalar.Location with { Column = scalar.Location.Column + offset };
}
