namespace Orchestrator.Engine;

/// <summary>
/// What a place in a task list may read, for <see cref="UndefinedVariableCheck"/>: the names defined there, and
/// the names the enclosing <c>when</c> conditions prove defined. The engine resolves a loop's list before it
/// evaluates any <c>when</c>, so a loop gets <see cref="Known"/> only; everything else gets <see cref="Guarded"/>.
/// </summary>
internal sealed record ScopeNames(KnownNames Known, IReadOnlyList<string> Proven)
{
    public static ScopeNames Of(KnownNames known) => new(known, []);

    /// <summary>The names usable once the enclosing conditions held.</summary>
    public KnownNames Guarded => Known.With(Proven);

    public ScopeNames With(IEnumerable<string> names) => this with { Known = Known.With(names) };

    public ScopeNames Proving(IEnumerable<string> names) => this with { Proven = [.. Proven, .. names] };
}
