using System.Text;
using System.Text.RegularExpressions;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Commands;

/// <summary>
/// A path pattern as a shell word that the shell expands as a glob and as nothing else: <c>*</c>, <c>?</c> and a
/// plain bracket expression stay bare, every other character is quoted, so no variable, command or quote in the
/// pattern is ever interpreted (Ansible's creates/removes are Python globs).
/// </summary>
internal static partial class GlobWord
{
    public static bool IsPattern(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;

    public static string For(string pattern)
    {
        var word = new StringBuilder();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length > 0)
            {
                word.Append(ShellQuote.Quote(literal.ToString()));
                literal.Clear();
            }
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var bracket = c == '[' ? BracketExpression().Match(pattern, i) : null;
            if (c is '*' or '?' || bracket is { Success: true })
            {
                Flush();
                var bare = bracket is { Success: true } ? bracket.Value : c.ToString();
                word.Append(bare);
                i += bare.Length - 1;
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush();
        return word.ToString();
    }

    // Only letters, digits and a few harmless characters inside: anything else keeps '[' literal.
    [GeneratedRegex(@"\G\[!?[A-Za-z0-9_.,-]+\]")]
    private static partial Regex BracketExpression();
}
