namespace Orchestrator.Core.Diagnostics;

/// <summary>One problem a user can fix: a message, where it is, and (optionally) the source line it points at.</summary>
/// <param name="LineText">The offending line; when null the formatter reads it from <see cref="SourceLocation.File"/>.</param>
public sealed record Diagnostic(SourceLocation Location, string Message, string? LineText = null);
