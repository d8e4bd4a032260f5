using System.Text;
using Orchestrator.Core;
using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Cli;

/// <summary>Splits "a=1 b='two words'" into a mapping; values stay strings, as Ansible's -e key=value does.</summary>
internal static class KeyValueWords
{
    public static Dictionary<string, object?> Parse(string text, string source)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var word in Words(text, source))
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UserErrorException(new SourceLocation(source, 0, 0), $"expected key=value, got '{word}'", ExitCodes.BadOptions);
            }

            result[word[..equals]] = word[(equals + 1)..];
        }

        return result;
    }

    private static List<string> Words(string text, string source)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote is not null)
        {
            throw new UserErrorException(new SourceLocation(source, 0, 0), "unclosed quote in key=value text", ExitCodes.BadOptions);
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
