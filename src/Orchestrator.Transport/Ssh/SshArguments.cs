namespace Orchestrator.Transport.Ssh;

/// <summary>
/// Reads ssh command-line words the way ssh's getopt does: options may be clustered (<c>-4o X</c>), an option's
/// argument may be attached (<c>-oX</c>) or the next word, and the first word that is not an option (or
/// <c>--</c>) ends them.
/// </summary>
internal static class SshArguments
{
    // ssh.c's getopt string: a letter followed by ':' takes an argument.
    private const string Letters = "1246ab:c:e:fgi:kl:m:no:p:qstvxAB:CD:E:F:GI:J:KL:MNO:P:Q:R:S:TVw:W:XYy";

    public static IEnumerable<(char Letter, string? Argument)> Options(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word == "--" || word.Length < 2 || word[0] != '-')
            {
                yield break;
            }

            for (var at = 1; at < word.Length; at++)
            {
                var letter = word[at];
                var known = Letters.IndexOf(letter, StringComparison.Ordinal);
                var takesArgument = known >= 0 && known + 1 < Letters.Length && Letters[known + 1] == ':';
                if (!takesArgument)
                {
                    yield return (letter, null);
                    continue;
                }

                if (at + 1 < word.Length)
                {
                    yield return (letter, word[(at + 1)..]);
                }
                else if (i + 1 < words.Count)
                {
                    yield return (letter, words[++i]);
                }

                break;
            }
        }
    }

    /// <summary>
    /// Splits one <c>-o</c> argument as ssh's config reader does: the keyword ends at white space or '=', then
    /// white space, at most one '=', white space, and the first argument (double quotes group words).
    /// </summary>
    public static (string Keyword, string Argument) ConfigLine(string line)
    {
        var at = SkipSpace(line, 0);
        var start = at;
        while (at < line.Length && !char.IsWhiteSpace(line[at]) && line[at] != '=')
        {
            at++;
        }

        var keyword = line[start..at];
        at = SkipSpace(line, at);
        if (at < line.Length && line[at] == '=')
        {
            at = SkipSpace(line, at + 1);
        }

        if (at < line.Length && line[at] == '"')
        {
            var close = line.IndexOf('"', at + 1);
            return (keyword, close < 0 ? line[(at + 1)..] : line[(at + 1)..close]);
        }

        start = at;
        while (at < line.Length && !char.IsWhiteSpace(line[at]))
        {
            at++;
        }

        return (keyword, line[start..at]);
    }

    private static int SkipSpace(string line, int at)
    {
        while (at < line.Length && char.IsWhiteSpace(line[at]))
        {
            at++;
        }

        return at;
    }
}
