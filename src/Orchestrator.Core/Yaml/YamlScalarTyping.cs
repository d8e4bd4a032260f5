using System.Globalization;

namespace Orchestrator.Core.Yaml;

/// <summary>Resolves plain scalars to bool, long, double or null the way PyYAML (and so Ansible) does.</summary>
public static class YamlScalarTyping
{
    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal)
        { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON" };

    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal)
        { "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF" };

    private static readonly HashSet<string> NullWords = new(StringComparer.Ordinal)
        { "", "~", "null", "Null", "NULL" };

    public static object? Resolve(YScalar scalar)
    {
        if (scalar.IsQuoted || scalar.Tag is "!!str" or "tag:yaml.org,2002:str")
        {
            return scalar.Value;
        }

        return ResolvePlain(scalar.Value);
    }

    public static object? ResolvePlain(string text)
    {
        if (NullWords.Contains(text))
        {
            return null;
        }

        if (TrueWords.Contains(text))
        {
            return true;
        }

        if (FalseWords.Contains(text))
        {
            return false;
        }

        if (TryInteger(text, out var integer))
        {
            return integer;
        }

        if (LooksNumeric(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
        {
            return real;
        }

        return text;
    }

    private static bool TryInteger(string text, out long value)
    {
        var body = text.Replace("_", "", StringComparison.Ordinal);
        var negative = body.StartsWith('-');
        if (negative || body.StartsWith('+'))
        {
            body = body[1..];
        }

        bool ok;
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            ok = long.TryParse(body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (body.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            ok = TryOctal(body[2..], out value);
        }
        else if (body.Length > 1 && body[0] == '0' && body.All(char.IsAsciiDigit))
        {
            // YAML 1.1 octal, as in "mode: 0644"
            ok = TryOctal(body[1..], out value);
        }
        else
        {
            value = 0;
            ok = body.Length > 0 && body.All(char.IsAsciiDigit)
                 && long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (ok && negative)
        {
            value = -value;
        }

        return ok;
    }

    private static bool TryOctal(string digits, out long value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > 20)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return true;
    }

    private static bool LooksNumeric(string text) =>
        text.Contains('.', StringComparison.Ordinal)
        && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
        && text.Any(char.IsAsciiDigit)
        && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+' or '_');
}
