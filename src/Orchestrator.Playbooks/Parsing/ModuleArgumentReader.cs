using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// Reads a module's arguments from "module: {mapping}", "module: k=v words" or free-form text
/// ("command: ls -l chdir=/tmp"), merged over the task's "args:" mapping (the inline ones win, as in Ansible).
/// </summary>
internal static class ModuleArgumentReader
{
    public static ModuleArgumentSet Read(ParseSession session, ModuleSpec spec, YScalar moduleKey, YNode value, YNode? argsKeyword)
    {
        var set = new ModuleArgumentSet();
        if (argsKeyword is not null)
        {
            if (argsKeyword is YMapping argsMapping)
            {
                AddMapping(session, set, argsMapping);
            }
            else if (!Describe.IsNull(argsKeyword))
            {
                session.Error(argsKeyword.Location, $"'args' must be a mapping, not {Describe.Node(argsKeyword)}");
            }
        }

        switch (value)
        {
            case YMapping mapping:
                AddMapping(session, set, mapping);
                break;
            case YScalar when Describe.IsNull(value):
                break;
            case YScalar scalar:
                session.CheckTemplate(scalar.Value, scalar.Location);
                if (spec.FreeFormArgument is { } freeForm)
                {
                    FreeFormText.Read(session, spec, freeForm, scalar, set);
                }
                else
                {
                    ReadKeyValues(session, spec, scalar, set);
                }

                break;
            default:
                session.Error(value.Location, $"arguments of module '{moduleKey.Value}' must be a mapping or key=value words, not {value.KindName}");
                set.Malformed = true;
                break;
        }

        return set;
    }

    /// <summary>Where a word of a scalar's text is: exact for a plain one-line scalar, else the scalar's start.</summary>
    public static SourceLocation WordLocation(YScalar scalar, ArgumentToken token) =>
        scalar.IsQuoted || scalar.Value.Contains('\n', StringComparison.Ordinal)
            ? scalar.Location
            : scalar.Location with { Column = scalar.Location.Column + token.Start };

    private static void AddMapping(ParseSession session, ModuleArgumentSet set, YMapping mapping)
    {
        foreach (var (key, entry) in mapping.Entries)
        {
            var location = Describe.IsNull(entry) && entry is YScalar { Value: "" } ? key.Location : entry.Location;
            set.Set(key.Value, session.ToPlain(entry), location);
        }
    }

    private static void ReadKeyValues(ParseSession session, ModuleSpec spec, YScalar scalar, ModuleArgumentSet set)
    {
        var words = ArgumentSplitter.Split(scalar.Value, out var errorIndex);
        if (words is null)
        {
            var location = WordLocation(scalar, new ArgumentToken("", errorIndex, errorIndex));
            session.Error(location, $"unterminated quote in the key=value arguments of module '{spec.Name}'");
            set.Malformed = true;
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var location = WordLocation(scalar, word);
            if (!KeyValueWord.TryParse(word.Text, out var key, out var text))
            {
                session.Error(location, $"expected key=value, not '{word.Text}' (module '{spec.Name}' takes key=value words or a mapping, not free-form text)");
                set.Malformed = true;
                continue;
            }

            if (!seen.Add(key))
            {
                session.Error(location, $"argument '{key}' is given twice");
                continue;
            }

            set.Set(key, text, location);
        }
    }
}
