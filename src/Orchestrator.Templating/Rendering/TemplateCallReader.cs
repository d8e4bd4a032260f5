namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Reads the arguments of one mustache's call (and its subexpressions) for <see cref="TemplateReferenceFinder"/>,
/// recording the root variables they read and whether each may be undefined.
/// </summary>
/// <param name="depth">How many #each/#with contexts enclose the mustache.</param>
/// <param name="guaranteed">Root names the enclosing blocks' conditions prove defined.</param>
internal sealed class TemplateCallReader(List<MustacheToken> tokens, int depth, IReadOnlySet<string> guaranteed, List<FoundReference> found)
{
    private static readonly HashSet<string> FalseWhenUndefined = new(["and", "or", "not"], StringComparer.Ordinal);

    /// <param name="helper">The helper being called, or null for a block's or a bare expression's arguments.</param>
    /// <param name="conditionPosition">Words read as a condition (undefined is false): #if, #unless, {{^x}}.</param>
    /// <returns>The index after the call's closing parenthesis (or the end).</returns>
    public int Arguments(int start, string? helper, bool conditionPosition)
    {
        // The argument's position in the call; -1 once hash arguments (key=value) start.
        var position = 0;
        var i = start;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            switch (token.Kind)
            {
                case MustacheTokenKind.Close:
                    return i + 1;
                case MustacheTokenKind.Pipe:
                    // Block parameters (as |item index|) name locals, not variables.
                    var close = tokens.FindIndex(i + 1, t => t.Kind == MustacheTokenKind.Pipe);
                    i = close < 0 ? tokens.Count : close + 1;
                    continue;
                case MustacheTokenKind.Open:
                    var name = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
                    i = Arguments(i + 2, name, conditionPosition: false);
                    position = Next(position);
                    continue;
                case MustacheTokenKind.Word when i + 1 < tokens.Count && tokens[i + 1].Kind == MustacheTokenKind.Equals:
                    i += 2;
                    position = -1;
                    continue;
                case MustacheTokenKind.Word when token.Text == "as" && i + 1 < tokens.Count && tokens[i + 1].Kind == MustacheTokenKind.Pipe:
                    i++;
                    continue;
                case MustacheTokenKind.Word:
                    Record(token, Guarded(helper, position, conditionPosition));
                    break;
                default:
                    break;
            }

            i++;
            position = Next(position);
        }

        return i;
    }

    private static int Next(int position) => position < 0 ? -1 : position + 1;

    private static bool Guarded(string? helper, int position, bool conditionPosition) => helper switch
    {
        null => conditionPosition,
        "default" => position == 0,
        _ => FalseWhenUndefined.Contains(helper),
    };

    private void Record(MustacheToken word, bool guarded)
    {
        if (ReferencePath.RootName(word, depth) is { } name)
        {
            found.Add(new FoundReference(name, word.Text, word.Offset, guarded || guaranteed.Contains(name)));
        }
    }
}
