namespace Orchestrator.Templating.Rendering;

/// <summary>Splits a mustache body into words, strings and parentheses (enough to find helpers and paths).</summary>
internal static class MustacheTokenizer
{
    public static List<MustacheToken> Tokenize(Mustache mustache)
    {
        var body = mustache.Body;
        var tokens = new List<MustacheToken>();
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c is '(' or ')' or '=' or '|')
            {
                var kind = c switch
                {
                    '(' => MustacheTokenKind.Open,
                    ')' => MustacheTokenKind.Close,
                    '=' => MustacheTokenKind.Equals,
                    _ => MustacheTokenKind.Pipe,
                };
                tokens.Add(new MustacheToken(kind, c.ToString(), mustache.BodyOffset + i));
                i++;
                continue;
            }

            if (c is '"' or '\'')
            {
                var close = body.IndexOf(c, i + 1);
                i = close < 0 ? body.Length : close + 1;
                tokens.Add(new MustacheToken(MustacheTokenKind.String, body[(start + 1)..Math.Max(start + 1, i - 1)], mustache.BodyOffset + start));
                continue;
            }

            i = WordEnd(body, i);
            tokens.Add(new MustacheToken(MustacheTokenKind.Word, body[start..i], mustache.BodyOffset + start));
        }

        return tokens;
    }

    private static int WordEnd(string body, int i)
    {
        while (i < body.Length && !char.IsWhiteSpace(body[i]) && body[i] is not ('(' or ')' or '=' or '|' or '"' or '\''))
        {
            if (body[i] == '[')
            {
                var close = body.IndexOf(']', i);
                i = close < 0 ? body.Length : close + 1;
                continue;
            }

            i++;
        }

        return i;
    }
}
