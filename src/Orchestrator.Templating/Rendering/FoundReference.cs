namespace Orchestrator.Templating.Rendering;

/// <summary>A variable reference found in a template or condition text, before its offset is turned into a location.</summary>
/// <param name="Offset">Where the reference starts in the text.</param>
internal sealed record FoundReference(string Name, string Path, int Offset, bool Guarded);
