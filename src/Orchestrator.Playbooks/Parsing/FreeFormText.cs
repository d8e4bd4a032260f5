using System.Text;
using Orchestrator.Core.Modules;
using Orchestrator.Core.Yaml;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// "command: ls -l chdir=/tmp": key=value words naming one of the module's declared arguments are taken out,
/// the rest (as written) is the free-form argument. Words naming anything else ("FOO=1 ./run") stay in the text.
/// </summary>
internal static class FreeFormText
{
    public static void Read(ParseSession session, ModuleSpec spec, string freeForm, YScalar scalar, ModuleArgumentSet set)
    {
        var text = scalar.Value;

        // Unbalanced quotes are the shell's business here, as long as no key=value word is in question.
        var words = ArgumentSplitter.Split(text, out _) ?? [];
        var extracted = new List<ArgumentToken>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            if (KeyValueWord.TryParse(word.Text, out var key, out var value) && spec.Find(key) is not null)
            {
                if (!keys.Add(key))
                {
                    session.Error(ModuleArgumentReader.WordLocation(scalar, word), $"argument '{key}' is given twice");
                    continue;
                }

                set.Set(key, value, ModuleArgumentReader.WordLocation(scalar, word));
                extracted.Add(word);
            }
        }

        var rest = extracted.Count == 0 ? text : Without(text, extracted).Trim();
        if (rest.Length == 0)
        {
            return;
        }

        if (keys.Any(k => spec.Find(k)?.Name == freeForm))
        {
            session.Error(scalar.Location, $"module '{spec.Name}' got both free-form text and '{freeForm}='");
            return;
        }

        set.Set(freeForm, rest, scalar.Location);
    }

    private static string Without(string text, List<ArgumentToken> removed)
    {
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (var word in removed)
        {
            result.Append(text, position, word.Start - position);
            position = word.End;
            while (position < text.Length && text[position] is ' ' or '\t')
            {
                position++;
            }
        }

        result.Append(text, position, text.Length - position);
        return result.ToString();
    }
}
