using System.Globalization;
using System.Text;
using Orchestrator.Core.Modules;

namespace Orchestrator.Modules;

/// <summary>Plain-text help for <c>orchestrate modules [NAME]</c>.</summary>
public static class ModuleDocumentation
{
    public static string Render(ModuleSpec spec)
    {
        var text = new StringBuilder();
        text.Append(spec.Name).Append(" - ").Append(spec.Description).Append('\n');
        if (spec.FreeFormArgument is not null)
        {
            text.Append("Free-form: text after the module name is the '").Append(spec.FreeFormArgument).Append("' argument.\n");
        }

        foreach (var group in spec.RequiredOneOf)
        {
            text.Append("Needs one of: ").Append(string.Join(", ", group)).Append('\n');
        }

        foreach (var group in spec.MutuallyExclusive)
        {
            text.Append("Not together: ").Append(string.Join(", ", group)).Append('\n');
        }

        if (spec.AcceptsAnyArguments)
        {
            text.Append("Accepts any other argument name.\n");
        }

        var rows = spec.Arguments.Select(a => new[]
        {
            a.Name,
            a.Type.ToString().ToLowerInvariant(),
            a.Required ? "required" : a.Default is null ? "-" : "default: " + Value(a.Default),
            a.Choices.Count == 0 ? "-" : string.Join(", ", a.Choices),
            a.Aliases.Count == 0 ? "-" : string.Join(", ", a.Aliases),
            a.Description,
        });
        text.Append('\n').Append(Table(["ARGUMENT", "TYPE", "REQUIRED/DEFAULT", "CHOICES", "ALIASES", "DESCRIPTION"], rows));
        return text.ToString();
    }

    public static string RenderList(IEnumerable<ModuleSpec> specs) =>
        Table(["MODULE", "DESCRIPTION"], specs.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new[] { s.Name, s.Description }));

    private static string Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column])));
            text.Append(line.TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Value(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
