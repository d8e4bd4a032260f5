using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Playbooks.Parsing;

/// <summary>
/// Reads one "key=value" word as Ansible's parse_kv does: backslash escapes in the word are decoded first
/// (<c>content="a\tb\n"</c> holds a tab and a newline), then a value in matching quotes loses them
/// (dest="b c" is 'b c').
/// </summary>
internal static partial class KeyValueWord
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

        value = Unquote(DecodeEscapes(word[(equals + 1)..]));
        return true;
    }

    // Python's unicode-escape for the escapes Ansible's splitter decodes (\N{NAME} aside).
    private static string DecodeEscapes(string text) => Escape().Replace(text, match => match.Value[1] switch
    {
        'x' or 'u' or 'U' => CodePoint(match.Value),
        'a' => "\a",
        'b' => "\b",
        'f' => "\f",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'v' => "\v",
        var other => other.ToString(),
    });

    // A code point .NET strings cannot hold alone (a surrogate, beyond U+10FFFF) stays as written.
    private static string CodePoint(string escape)
    {
        var value = long.Parse(escape[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF) ? escape : char.ConvertFromUtf32((int)value);
    }

    // Ansible's unquote: matching quotes around it, the last not escaped.
    private static string Unquote(string text) =>
        text.Length > 1 && text[0] is '"' or '\'' && text[^1] == text[0] && text[^2] != '\\' ? text[1..^1] : text;

    [GeneratedRegex(@"\\(?:U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\\'""abfnrtv])")]
    private static partial Regex Escape();
}
