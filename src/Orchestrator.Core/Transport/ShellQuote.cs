using System.Text;

namespace Orchestrator.Core.Transport;

/// <summary>POSIX shell quoting: every value that reaches a remote shell goes through here.</summary>
public static class ShellQuote
{
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(IsSafe))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> words)
    {
        var text = new StringBuilder();
        foreach (var word in words)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(Quote(word));
        }

        return text.ToString();
    }

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or ',' or '+' or '=' or '@' or '%';
}
