using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>loop / with_items / loop_control of a module task or include_tasks.</summary>
internal static class LoopReader
{
    private static readonly string[] ControlKeys = ["loop_var", "label", "index_var"];

    public static LoopSpec? Read(ParseSession session, TaskParts parts)
    {
        var loop = parts.Keywords.TryGetValue("loop", out var l) ? l : (KeyValuePair<YScalar, YNode>?)null;
        var withItems = parts.Keywords.TryGetValue("with_items", out var w) ? w : (KeyValuePair<YScalar, YNode>?)null;
        var control = parts.Keywords.TryGetValue("loop_control", out var c) ? c : (KeyValuePair<YScalar, YNode>?)null;
        if (loop is { } both && withItems is { } second)
        {
            var later = both.Key.Location.Line > second.Key.Location.Line ? both.Key : second.Key;
            session.Error(later.Location, "use either 'loop' or 'with_items', not both");
        }

        var source = loop ?? withItems;
        if (source is not { } chosen)
        {
            if (control is { } orphan)
            {
                session.Error(orphan.Key.Location, "'loop_control' needs 'loop' or 'with_items'");
            }

            return null;
        }

        var flatten = chosen.Key.Value == "with_items";
        var items = Items(session, chosen.Key, chosen.Value, flatten);
        if (items is null)
        {
            return null;
        }

        var spec = new LoopSpec(items, chosen.Value.Location, FlattenOnce: flatten);
        return control is { } loopControl ? ReadControl(session, loopControl.Key, loopControl.Value, spec) : spec;
    }

    private static object? Items(ParseSession session, YScalar key, YNode value, bool withItems)
    {
        if (value is YSequence)
        {
            return session.ToPlain(value);
        }

        if (value is YScalar scalar && scalar.ToPlain() is string text)
        {
            session.CheckTemplate(text, scalar.Location);
            if (ArgumentBinder.ContainsTemplate(text))
            {
                return text;
            }

            if (withItems)
            {
                return new List<object?> { text };
            }
        }

        if (withItems && Describe.IsNull(value))
        {
            return new List<object?>();
        }

        session.Error(value.Location, $"'{key.Value}' must be a list or a template that renders to one, not {Describe.Node(value)}");
        return null;
    }

    private static LoopSpec ReadControl(ParseSession session, YScalar key, YNode value, LoopSpec spec)
    {
        if (value is not YMapping mapping)
        {
            session.Error(value.Location, $"'{key.Value}' must be a mapping, not {Describe.Node(value)}");
            return spec;
        }

        foreach (var (name, entry) in mapping.Entries)
        {
            switch (name.Value)
            {
                case "loop_var":
                    spec = spec with { LoopVar = VariableName(session, name, entry) ?? spec.LoopVar };
                    break;
                case "index_var":
                    spec = spec with { IndexVar = VariableName(session, name, entry) };
                    break;
                case "label":
                    spec = spec with { Label = KeywordReader.String(session, name, entry) };
                    break;
                default:
                    session.Error(name.Location, $"unknown loop_control keyword '{name.Value}'{Suggest.Hint(name.Value, ControlKeys)} (supported: {string.Join(", ", ControlKeys)})");
                    break;
            }
        }

        return spec;
    }

    public static string? VariableName(ParseSession session, YScalar key, YNode value)
    {
        var name = KeywordReader.String(session, key, value);
        if (name is null || Identifiers.IsValid(name))
        {
            return name;
        }

        session.Error(value.Location, $"'{key.Value}' must be a valid variable name (letters, digits and _, not starting with a digit), not '{name}'");
        return null;
    }
}
