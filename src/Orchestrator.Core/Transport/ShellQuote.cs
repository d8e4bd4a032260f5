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

    /// <summary>
    /// Bytes that can travel inside a script as a quoted literal and come out the same: UTF-8 (scripts are sent as
    /// UTF-8 text) without NUL (no shell string can hold one).
    /// </summary>
    public static bool CanQuote(ReadOnlySpan<byte> bytes) => !bytes.Contains((byte)0) && System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool IsSafe(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or ':' or ',' or '+' or '=' or '@' or '%';
}
