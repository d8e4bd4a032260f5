namespace Orchestrator.Core.Values;

/// <summary>How <see cref="PlainJson"/> writes: indentation, key order, and what to do with values JSON has no word for.</summary>
public sealed record PlainJsonStyle
{
    /// <summary>Spaces per level; 0 = compact.</summary>
    public int Indent { get; init; }

    /// <summary>Mapping keys sorted (ordinal) at every level, as Python's <c>json.dumps(sort_keys=True)</c>.</summary>
    public bool SortKeys { get; init; }

    /// <summary>NaN and infinities written bare (<c>NaN</c>, <c>Infinity</c>), as Python does; else as <see cref="Display"/> strings.</summary>
    public bool BareNonFinite { get; init; }

    /// <summary>The text of a value that is not plain (a vault value, a template's own types); may throw.</summary>
    public Func<object, string> Display { get; init; } = value => value.ToString() ?? "";
}
