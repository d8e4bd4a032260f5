using System.Globalization;

namespace Orchestrator.Core.Modules;

/// <summary>
/// Checks arguments against a <see cref="ModuleSpec"/> and coerces their types. Used twice: before the
/// run on the raw playbook values (where a value still holding a template is checked for presence only)
/// and at run time on rendered values.
/// </summary>
public static class ArgumentBinder
{
    /// <param name="deferTemplates">True before the run: values containing "{{" are not type-checked yet.</param>
    public static (ModuleArguments Arguments, IReadOnlyList<ArgumentProblem> Problems) Bind(
        ModuleSpec spec, IReadOnlyDictionary<string, object?> raw, bool deferTemplates)
    {
        var problems = new List<ArgumentProblem>();
        var bound = new Dictionary<string, object?>(StringComparer.Ordinal);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            var argument = spec.Find(name);
            if (argument is null)
            {
                if (spec.AcceptsAnyArguments)
                {
                    bound[name] = value;
                    continue;
                }

                var known = string.Join(", ", spec.Arguments.Select(a => a.Name));
                problems.Add(new ArgumentProblem(name, $"module '{spec.Name}' has no argument '{name}' (it accepts: {known})"));
                continue;
            }

            if (!written.Add(argument.Name))
            {
                problems.Add(new ArgumentProblem(name, $"argument '{argument.Name}' is given twice (once as '{name}')"));
                continue;
            }

            if (deferTemplates && ContainsTemplate(value))
            {
                bound[argument.Name] = value;
                continue;
            }

            var (converted, error) = Coerce(argument, value);
            if (error is not null)
            {
                problems.Add(new ArgumentProblem(name, $"argument '{name}' of module '{spec.Name}' {error}"));
                continue;
            }

            bound[argument.Name] = converted;
        }

        foreach (var argument in spec.Arguments)
        {
            // An argument given with a bad value has its own problem already: it is not also missing.
            if (written.Contains(argument.Name))
            {
                continue;
            }

            if (argument.Required)
            {
                problems.Add(new ArgumentProblem(argument.Name, $"module '{spec.Name}' requires argument '{argument.Name}'"));
            }
            else if (argument.Default is not null)
            {
                bound[argument.Name] = argument.Default;
            }
        }

        foreach (var group in spec.RequiredOneOf.Where(g => !g.Any(raw.ContainsKey) && !g.Any(n => Given(spec, raw, n))))
        {
            problems.Add(new ArgumentProblem(group[0], $"module '{spec.Name}' needs one of: {string.Join(", ", group)}"));
        }

        foreach (var group in spec.MutuallyExclusive)
        {
            var given = group.Where(n => Given(spec, raw, n)).ToList();
            if (given.Count > 1)
            {
                problems.Add(new ArgumentProblem(given[1], $"module '{spec.Name}': arguments {string.Join(" and ", given)} cannot be used together"));
            }
        }

        return (new ModuleArguments(bound), problems);
    }

    public static bool ContainsTemplate(object? value) => value switch
    {
        string s => s.Contains("{{", StringComparison.Ordinal) || s.Contains("{%", StringComparison.Ordinal),
        IEnumerable<KeyValuePair<string, object?>> map => map.Any(e => ContainsTemplate(e.Value)),
        IEnumerable<object?> list => list.Any(ContainsTemplate),
        _ => false,
    };

    private static bool Given(ModuleSpec spec, IReadOnlyDictionary<string, object?> raw, string name) =>
        raw.Keys.Any(k => k == name || spec.Find(k)?.Name == name);

    private static (object? Value, string? Error) Coerce(ArgumentSpec argument, object? value)
    {
        if (value is null)
        {
            return (null, null);
        }

        // YAML 1.1 reads an unquoted yes/no as a boolean; where the choices spell them, mean the choice, as Ansible does.
        if (value is bool flag && argument.Choices.Contains(flag ? "yes" : "no"))
        {
            value = flag ? "yes" : "no";
        }

        var (converted, error) = argument.Type switch
        {
            ArgumentType.String or ArgumentType.Path => value is string or long or double or bool
                ? (Text(value), null)
                : ((object?)null, $"must be a string, not {Describe(value)}"),
            ArgumentType.Int => ToLong(value),
            ArgumentType.Bool => ToBool(value),
            ArgumentType.List => value switch
            {
                IReadOnlyList<object?> list => (list, null),
                string s => (s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList(), null),
                long or double or bool => (new List<object?> { value }, null),
                _ => ((object?)null, $"must be a list, not {Describe(value)}"),
            },
            ArgumentType.Dict => value is IReadOnlyDictionary<string, object?> ? (value, null) : ((object?)null, $"must be a mapping, not {Describe(value)}"),
            ArgumentType.Mode => ToMode(value),
            _ => (value, null),
        };
        if (error is null && argument.Choices.Count > 0 && !argument.Choices.Contains(Text(converted!)))
        {
            return (null, $"must be one of {string.Join(", ", argument.Choices)}, not '{Text(converted!)}'");
        }

        return (converted, error);
    }

    private static (object?, string?) ToLong(object value) => value switch
    {
        long l => (l, null),
        double d when d == Math.Floor(d) => ((long)d, null),
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => (l, null),
        _ => (null, $"must be an integer, not {Describe(value)}"),
    };

    private static (object?, string?) ToBool(object value) => value switch
    {
        bool b => (b, null),
        long l when l is 0 or 1 => (l == 1, null),
        string s when s.ToLowerInvariant() is "yes" or "true" or "on" or "1" or "y" => (true, null),
        string s when s.ToLowerInvariant() is "no" or "false" or "off" or "0" or "n" => (false, null),
        _ => (null, $"must be a boolean (true/false/yes/no), not {Describe(value)}"),
    };

    // A YAML int is the decoded number (0644 in YAML 1.1 is 420); a string is read as octal or symbolic.
    private static (object?, string?) ToMode(object value) => value switch
    {
        long l when l is >= 0 and <= 0xFFF => ("0" + Convert.ToString(l, 8).PadLeft(3, '0'), null),
        string s when s.Length is >= 3 and <= 5 && s.All(c => c is >= '0' and <= '7') => (s.Length == 3 ? "0" + s : s, null),
        string s when s.Length > 0 && s.All(c => "ugoa+-=rwxXst,".Contains(c, StringComparison.Ordinal)) => (s, null),
        _ => (null, $"must be an octal mode like '0644' (quoted) or symbolic like 'u+rw', not {Describe(value)}"),
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Describe(object value) => value switch
    {
        string s => $"'{s}'",
        IReadOnlyDictionary<string, object?> => "a mapping",
        IReadOnlyList<object?> => "a list",
        _ => $"'{Text(value)}'",
    };
}
