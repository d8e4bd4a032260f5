using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Lists the root variables a template reads, without rendering it. Follows the rules the renderer applies:
/// <c>{{#if x}}</c>/<c>{{#unless x}}</c>/<c>{{^x}}</c>, <c>and</c>/<c>or</c>/<c>not</c> and the first argument of
/// <c>default</c> read undefined as false or as "use the fallback", so those references are guarded, as are names a
/// block's condition proves defined (<c>{{#if x}}{{ x.y }}{{/if}}</c>, see <see cref="TemplateBlock"/>); helper names
/// are not variables; inside <c>{{#each}}</c>/<c>{{#with}}</c> bodies bare names read the item (until their
/// <c>{{else}}</c>, which is rendered in the outer context).
/// </summary>
internal static class TemplateReferenceFinder
{
    /// <exception cref="TemplateSyntaxError">When the template's structure is invalid.</exception>
    public static List<FoundReference> Find(string text)
    {
        var mustaches = MustacheScanner.Scan(text);
        if (mustaches is null)
        {
            return [];
        }

        TemplateValidator.Check(mustaches);
        var wholeValue = SingleExpression.Detect(text, mustaches) is not null;
        var found = new List<FoundReference>();

        var blocks = new List<TemplateBlock>();
        foreach (var mustache in mustaches)
        {
            var tokens = mustache.Kind is MustacheKind.Comment ? [] : MustacheTokenizer.Tokenize(mustache);
            var depth = blocks.Count(b => b.ChangesContext);
            var reader = new TemplateCallReader(tokens, depth, Guaranteed(blocks), found);
            switch (mustache.Kind)
            {
                case MustacheKind.BlockOpen:
                    reader.Arguments(1, helper: null, conditionPosition: tokens[0].Text is "if" or "unless");
                    blocks.Add(TemplateBlock.Open(tokens, 0, depth));
                    break;
                case MustacheKind.InverseOpen:
                    var isHelper = tokens.Count > 1 && tokens[0].Text is "if" or "unless" or "each" or "with";
                    reader.Arguments(isHelper ? 1 : 0, helper: null, conditionPosition: true);
                    blocks.Add(TemplateBlock.Open([], 0, depth));
                    break;
                case MustacheKind.Else when blocks.Count > 0:
                    ReadElse(tokens, blocks, found);
                    break;
                case MustacheKind.BlockClose when blocks.Count > 0:
                    blocks.RemoveAt(blocks.Count - 1);
                    break;
                case MustacheKind.Expression:
                    ReadExpression(tokens, reader, wholeValue);
                    break;
                default:
                    break;
            }
        }

        return found;
    }

    /// <summary>
    /// {{else}} switches the innermost block to its other branch; {{else if x}} (or unless, each, with) replaces it
    /// with a new block whose condition is read in the enclosing context.
    /// </summary>
    private static void ReadElse(List<MustacheToken> tokens, List<TemplateBlock> blocks, List<FoundReference> found)
    {
        if (tokens.Count < 2)
        {
            blocks[^1].EnterElse();
            return;
        }

        var outer = blocks[..^1];
        var depth = outer.Count(b => b.ChangesContext);
        new TemplateCallReader(tokens, depth, Guaranteed(outer), found).Arguments(2, helper: null, conditionPosition: tokens[1].Text is "if" or "unless");
        blocks[^1] = TemplateBlock.Open(tokens, 1, depth);
    }

    private static HashSet<string> Guaranteed(List<TemplateBlock> blocks) =>
        blocks.SelectMany(b => b.Guaranteed).ToHashSet(StringComparer.Ordinal);

    private static void ReadExpression(List<MustacheToken> tokens, TemplateCallReader reader, bool wholeValue)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        // A lone helper name is a call, except as a whole value ("{{ first }}" reads the variable, see the README).
        var first = tokens[0];
        var isCall = first.Kind == MustacheTokenKind.Word && !first.IsLiteral
            && (tokens.Count > 1 ? tokens[1].Kind != MustacheTokenKind.Equals : HelperRegistry.IsKnown(first.Text) && !wholeValue);
        reader.Arguments(isCall ? 1 : 0, isCall ? first.Text : null, conditionPosition: false);
    }
}
