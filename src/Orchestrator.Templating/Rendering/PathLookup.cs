using System.Globalization;

namespace Orchestrator.Templating.Rendering;

/// <summary>Follows a dotted path through mappings (by key) and lists (by index), as Handlebars does.</summary>
internal static class PathLookup
{
    /// <returns>-1 when found; otherwise the number of segments that resolved before the missing one.</returns>
    public static int TryResolve(object? root, IReadOnlyList<string> segments, out object? value)
    {
        value = root;
        for (var i = 0; i < segments.Count; i++)
        {
            switch (value)
            {
                case IReadOnlyDictionary<string, object?> mapping when mapping.TryGetValue(segments[i], out var next):
                    value = next;
                    break;
                case IReadOnlyList<object?> list when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < list.Count:
                    value = list[index];
                    break;
                default:
                    value = null;
                    return i;
            }
        }

        return -1;
    }
}
