using System.Text;

namespace Orchestrator.Modules.Facts;

/// <summary>
/// Reads KEY=value files (/etc/os-release, /etc/lsb-release) as the shell would: values bare, 'single' or
/// "double" quoted with \" \\ \$ \` escapes; comments and blank lines are skipped.
/// </summary>
internal static class OsRelease
{
    public static Dictionary<string, string> Parse(string? text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in (text ?? "").Split('\n'))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = Unquote(line[(equals + 1)..].Trim());
        }

        return values;
    }

    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1];
        }

        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var index = 1; index < value.Length - 1; index++)
        {
            var c = value[index];
            if (c == '\\' && index + 2 < value.Length && value[index + 1] is '"' or '\\' or '$' or '`')
            {
                c = value[++index];
            }

            text.Append(c);
        }

        return text.ToString();
    }
}
