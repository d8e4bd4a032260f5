namespace Orchestrator.Templating.Rendering;

/// <summary>A template that cannot be compiled; <see cref="Offset"/> is where in the template text (-1 when unknown).</summary>
internal sealed class TemplateSyntaxError(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
