using System.Text;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>Reads one "key=value" word; a quoted value loses its quotes (dest="b c" is 'b c').</summary>
internal static class KeyValueWord
{
    public static bool TryParse(string word, out string key, out string value)
    {
        var equals = word.IndexOf('=', StringComparison.Ordinal);
        key = equals > 0 ? word[..equals] : "";
        value = "";
        if (equals <= 0 || !Identifiers.IsValid(key))
        {
            return false;
        }

        value = Unquote(word[(equals + 1)..]);
        return true;
    }

    private static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] is not ('"' or '\'') || text[^1] != text[0])
        {
            return text;
        }

        var quote = text[0];
        var body = text[1..^1];
        var result = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && (body[i + 1] == quote || body[i + 1] == '\\'))
            {
                i++;
            }

            result.Append(body[i]);
        }

        return result.ToString();
    }
}
