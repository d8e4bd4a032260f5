using Orchestrator.Core.Values;

namespace Orchestrator.Inventory;

/// <summary>
/// Plain values as ansible-inventory prints them (Python's json.dumps with sort_keys=True, indent=4):
/// keys sorted at every level, NaN/Infinity bare, opaque values (a vault value) as their own text.
/// </summary>
internal static class SortedJsonWriter
{
    private static readonly PlainJsonStyle Style = new() { Indent = 4, SortKeys = true, BareNonFinite = true };

    public static string Write(object? value) => PlainJson.Write(value, Style);
}
