namespace Orchestrator.Templating.Conditions;

/// <summary>Parsed conditions keyed by their text, shared by every thread; parse errors are not cached.</summary>
internal sealed class ConditionCache
{
    private readonly BoundedTextCache<Expr> entries = new(Parse);

    public Expr Get(string text) => entries.Get(text);

    private static Expr Parse(string text)
    {
        var (start, end) = ConditionText.Bounds(text);
        return ConditionParser.Parse(text, start, end);
    }
}
