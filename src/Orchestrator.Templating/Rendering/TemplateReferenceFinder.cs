using Orchestrator.Templating.Helpers;

namespace Orchestrator.Templating.Rendering;

/// <summary>
/// Lists the root variables a template reads, without rendering it. Follows the rules the renderer applies:
/// <c>{{#if x}}</c>/<c>{{#unless x}}</c>/<c>{{^x}}</c>, <c>and</c>/<c>or</c>/<c>not</c> and the first argument of
/// <c>default</c> read undefined as false or as "use the fallback", so those references are guarded; helper names
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

        // One entry per open block: whether its body reads an item rather than the enclosing context.
        var blocks = new List<bool>();
        foreach (var mustache in mustaches)
        {
            var depth = blocks.Count(changesContext => changesContext);
            var tokens = mustache.Kind is MustacheKind.Comment ? [] : MustacheTokenizer.Tokenize(mustache);
            switch (mustache.Kind)
            {
                case MustacheKind.BlockOpen:
                    var name = tokens[0].Text;
                    new TemplateCallReader(tokens, depth, found).Arguments(1, helper: null, conditionPosition: name is "if" or "unless");
                    blocks.Add(name is "each" or "with");
                    break;
                case MustacheKind.InverseOpen:
                    var isHelper = tokens.Count > 1 && tokens[0].Text is "if" or "unless" or "each" or "with";
                    new TemplateCallReader(tokens, depth, found).Arguments(isHelper ? 1 : 0, helper: null, conditionPosition: true);
                    blocks.Add(false);
                    break;
                case MustacheKind.Else:
                    ReadElse(tokens, blocks, found);
                    break;
                case MustacheKind.BlockClose when blocks.Count > 0:
                    blocks.RemoveAt(blocks.Count - 1);
                    break;
                case MustacheKind.Expression:
                    ReadExpression(tokens, depth, wholeValue, found);
                    break;
                default:
                    break;
            }
        }

        return found;
    }

    private static void ReadElse(List<MustacheToken> tokens, List<bool> blocks, List<FoundReference> found)
    {
        if (blocks.Count == 0)
        {
            return;
        }

        // {{else}} of #each/#with renders in the outer context; {{else if x}} keeps it; {{else each x}} enters x.
        var chained = tokens.Count > 1 ? tokens[1].Text : null;
        blocks[^1] = chained is "each" or "with";
        var depth = blocks.Take(blocks.Count - 1).Count(changesContext => changesContext);
        if (chained is not null)
        {
            new TemplateCallReader(tokens, depth, found).Arguments(2, helper: null, conditionPosition: chained is "if" or "unless");
        }
    }

    private static void ReadExpression(List<MustacheToken> tokens, int depth, bool wholeValue, List<FoundReference> found)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        // A lone helper name is a call, except as a whole value ("{{ first }}" reads the variable, see the README).
        var first = tokens[0];
        var isCall = first.Kind == MustacheTokenKind.Word && !first.IsLiteral
            && (tokens.Count > 1 ? tokens[1].Kind != MustacheTokenKind.Equals : HelperRegistry.IsKnown(first.Text) && !wholeValue);
        var reader = new TemplateCallReader(tokens, depth, found);
        reader.Arguments(isCall ? 1 : 0, isCall ? first.Text : null, conditionPosition: false);
    }
}
