using System.Globalization;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads one keyword's value with the type the keyword expects; a wrong type is recorded as a located error.</summary>
internal static class KeywordReader
{
    public static string? String(ParseSession session, YScalar key, YNode value)
    {
        if (Describe.IsNull(value))
        {
            return null;
        }

        if (value is not YScalar scalar)
        {
            session.Error(value.Location, $"'{key.Value}' must be a string, not {value.KindName}");
            return null;
        }

        session.CheckTemplate(scalar.Value, scalar.Location);
        return scalar.Value;
    }

    public static bool? Bool(ParseSession session, YScalar key, YNode value)
    {
        var plain = value is YScalar scalar ? scalar.ToPlain() : null;
        switch (plain)
        {
            case bool b:
                return b;
            case long l when l is 0 or 1:
                return l == 1;
            case string s when s.ToLowerInvariant() is "yes" or "true" or "on" or "y" or "1":
                return true;
            case string s when s.ToLowerInvariant() is "no" or "false" or "off" or "n" or "0":
                return false;
        }

        var templated = plain is string text && text.Contains("{{", StringComparison.Ordinal) ? " (templates are not supported here)" : "";
        session.Error(value.Location, $"'{key.Value}' must be a boolean (true or false), not {Describe.Node(value)}{templated}");
        return null;
    }

    public static long? Integer(ParseSession session, YScalar key, YNode value, long minimum)
    {
        var plain = value is YScalar scalar ? scalar.ToPlain() : null;
        long? number = plain switch
        {
            long l => l,
            string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ => null,
        };
        if (number is null)
        {
            session.Error(value.Location, $"'{key.Value}' must be an integer, not {Describe.Node(value)}");
        }
        else if (number < minimum)
        {
            session.Error(value.Location, $"'{key.Value}' must be at least {minimum}, not {number}");
            return null;
        }

        return number;
    }

    public static double? Number(ParseSession session, YScalar key, YNode value, double minimum, double maximum, bool allowPercentSign = false)
    {
        var plain = value is YScalar scalar ? scalar.ToPlain() : null;
        if (allowPercentSign && plain is string percent && percent.EndsWith('%'))
        {
            plain = percent[..^1];
        }

        double? number = plain switch
        {
            long l => l,
            double d => d,
            string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
        if (number is null || double.IsNaN(number.Value))
        {
            session.Error(value.Location, $"'{key.Value}' must be a number, not {Describe.Node(value)}");
            return null;
        }

        if (number < minimum || number > maximum)
        {
            var range = maximum == double.MaxValue
                ? $"at least {minimum.ToString(CultureInfo.InvariantCulture)}"
                : $"between {minimum.ToString(CultureInfo.InvariantCulture)} and {maximum.ToString(CultureInfo.InvariantCulture)}";
            session.Error(value.Location, $"'{key.Value}' must be {range}, not {Describe.Node(value)}");
            return null;
        }

        return number;
    }

    /// <summary>A string or a list of strings (notify, listen, vars_files).</summary>
    public static IReadOnlyList<Expression> Strings(ParseSession session, YScalar key, YNode value)
    {
        if (Describe.IsNull(value))
        {
            return [];
        }

        IReadOnlyList<YNode> items = value is YSequence sequence ? sequence.Items : [value];
        var result = new List<Expression>();
        foreach (var item in items)
        {
            if (item is not YScalar scalar || Describe.IsNull(item))
            {
                session.Error(item.Location, $"'{key.Value}' must be a string or a list of strings, not {Describe.Node(item)}");
                continue;
            }

            session.CheckTemplate(scalar.Value, scalar.Location);
            result.Add(new Expression(scalar.Value, scalar.Location));
        }

        return result;
    }

    /// <summary>tags: a string, a comma-separated string, or a list.</summary>
    public static IReadOnlyList<string> Tags(ParseSession session, YScalar key, YNode value)
    {
        if (value is YMapping)
        {
            session.Error(value.Location, $"'{key.Value}' must be a string or a list of strings, not a mapping");
            return [];
        }

        return Strings(session, key, value)
            .SelectMany(e => e.Text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>vars, environment: a mapping (or, like Ansible, a list of mappings merged in order).</summary>
    public static IReadOnlyDictionary<string, object?> Mapping(ParseSession session, YScalar key, YNode value, bool variableNames = false)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Describe.IsNull(value))
        {
            return result;
        }

        IReadOnlyList<YNode> parts = value is YSequence sequence && key.Value == "vars" ? sequence.Items : [value];
        foreach (var part in parts)
        {
            if (part is not YMapping mapping)
            {
                session.Error(part.Location, $"'{key.Value}' must be a mapping, not {Describe.Node(part)}");
                continue;
            }

            foreach (var (name, entry) in mapping.Entries)
            {
                if (variableNames && !Identifiers.IsValid(name.Value))
                {
                    session.Error(name.Location, $"'{name.Value}' is not a valid variable name (letters, digits and _, not starting with a digit)");
                }

                result[name.Value] = session.ToPlain(entry);
            }
        }

        return result;
    }
}
