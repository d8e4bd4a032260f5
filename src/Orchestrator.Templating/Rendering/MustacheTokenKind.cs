namespace Orchestrator.Templating.Rendering;

internal enum MustacheTokenKind
{
    /// <summary>A path, helper name or literal word (<c>a.b</c>, <c>join</c>, <c>5</c>, <c>true</c>).</summary>
    Word,
    String,
    Open,
    Close,
    Equals,
    Pipe,
}
