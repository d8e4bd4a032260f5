namespace Orchestrator.Templating.Rendering;

/// <summary>
/// An open block while <see cref="TemplateReferenceFinder"/> reads a template: whether its body reads an item
/// (<c>#each</c>, <c>#with</c>), and which root names its current branch can only be reached with defined:
/// <c>{{#if x}}</c> and <c>{{#if (and x y)}}</c> bodies, <c>{{#unless x}}</c> and <c>{{#if (not x)}}</c> else
/// branches (an undefined name is false, so a truthy one is defined).
/// </summary>
internal sealed class TemplateBlock
{
    private readonly IReadOnlyCollection<string> body;
    private readonly IReadOnlyCollection<string> otherwise;
    private bool inElse;

    private TemplateBlock(bool changesContext, IReadOnlyCollection<string> body, IReadOnlyCollection<string> otherwise)
    {
        ChangesContext = changesContext;
        this.body = body;
        this.otherwise = otherwise;
    }

    public bool ChangesContext { get; private set; }

    public IReadOnlyCollection<string> Guaranteed => inElse ? otherwise : body;

    /// <param name="helper">The index of the block helper's name (<c>if</c>, <c>each</c>...) in <paramref name="tokens"/>.</param>
    /// <param name="depth">How many #each/#with contexts enclose the block.</param>
    public static TemplateBlock Open(List<MustacheToken> tokens, int helper, int depth)
    {
        var name = helper < tokens.Count ? tokens[helper].Text : "";
        if (name is not ("if" or "unless"))
        {
            return new TemplateBlock(name is "each" or "with", [], []);
        }

        var (whenTrue, whenFalse) = Guarantees(tokens[(helper + 1)..], depth);
        return name == "if" ? new TemplateBlock(false, whenTrue, whenFalse) : new TemplateBlock(false, whenFalse, whenTrue);
    }

    /// <summary>A plain <c>{{else}}</c>: the other branch, rendered in the enclosing context.</summary>
    public void EnterElse()
    {
        inElse = true;
        ChangesContext = false;
    }

    private static (IReadOnlyCollection<string> WhenTrue, IReadOnlyCollection<string> WhenFalse) Guarantees(List<MustacheToken> condition, int depth)
    {
        if (condition.Count == 1)
        {
            return (Names(condition, depth), []);
        }

        if (condition.Count < 4 || condition[0].Kind != MustacheTokenKind.Open || condition[^1].Kind != MustacheTokenKind.Close
            || condition[2..^1].Any(t => t.Kind != MustacheTokenKind.Word))
        {
            return ([], []);
        }

        var names = Names(condition[2..^1], depth);
        return condition[1].Text switch
        {
            "and" => (names, []),
            "not" when condition.Count == 4 => ([], names),
            _ => ([], []),
        };
    }

    private static List<string> Names(List<MustacheToken> words, int depth) =>
        words.Select(word => ReferencePath.RootName(word, depth)).OfType<string>().ToList();
}
