namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Which root variable a Handlebars path word reads, given how many <c>{{#each}}</c>/<c>{{#with}}</c> contexts
/// enclose it: a bare name or <c>this.x</c> inside such a body reads the item, <c>../x</c> climbs one context per
/// <c>../</c>, <c>@root.x</c> always reads the root; <c>this</c>, <c>@index</c>, <c>@key</c> and literals read no variable.
/// </summary>
internal static class ReferencePath
{
    /// <returns>The root variable's name, or null when the word reads no root variable.</returns>
    public static string? RootName(MustacheToken word, int contextDepth)
    {
        if (word.Kind != MustacheTokenKind.Word || word.IsLiteral)
        {
            return null;
        }

        var text = word.Text;
        if (text.StartsWith("@root", StringComparison.Ordinal))
        {
            return FirstSegment(text["@root".Length..].TrimStart('.', '/'));
        }

        if (text.StartsWith('@'))
        {
            return null;
        }

        var climbs = 0;
        while (text.StartsWith("../", StringComparison.Ordinal))
        {
            climbs++;
            text = text[3..];
        }

        foreach (var self in (string[])["this.", "this/", "./"])
        {
            if (text.StartsWith(self, StringComparison.Ordinal))
            {
                text = text[self.Length..];
                break;
            }
        }

        // Fewer climbs than enclosing contexts: the word reads an item, not the root.
        return text is "this" or "." or ".." || climbs < contextDepth ? null : FirstSegment(text);
    }

    private static string? FirstSegment(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        if (path[0] == '[')
        {
            var close = path.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? path[1..] : path[1..close];
        }

        var end = path.AsSpan().IndexOfAny('.', '/');
        var name = end < 0 ? path : path[..end];
        return name.Length == 0 ? null : name;
    }
}
