namespace Orchestrator.Templating.Rendering;

/// <summary>One <c>{{ ... }}</c> of a template, with offsets into the template text so errors can point at it.</summary>
/// <param name="Start">Offset of the opening braces.</param>
/// <param name="End">Offset just after the closing braces.</param>
/// <param name="Body">The text inside, without braces, <c>~</c>, sigil (<c>#</c>, <c>/</c>...) and surrounding spaces.</param>
/// <param name="BodyOffset">Offset of <paramref name="Body"/>'s first character in the template text.</param>
internal sealed record Mustache(int Start, int End, MustacheKind Kind, string Body, int BodyOffset)
{
    /// <summary>The first word: a block's helper name, or an expression's helper or path.</summary>
    public string Name
    {
        get
        {
            var end = Body.AsSpan().IndexOfAny(" \t\r\n()");
            return end < 0 ? Body : Body[..end];
        }
    }
}
