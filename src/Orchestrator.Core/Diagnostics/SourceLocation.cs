namespace Orchestrator.Core.Diagnostics;

/// <summary>A 1-based position in a source file; every parsed node carries one so errors can point at it.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static readonly SourceLocation None = new("", 0, 0);

    public bool IsKnown => File.Length > 0 && Line > 0;

    public override string ToString() => IsKnown ? $"{File}:{Line}:{Column}" : File;
}
