using System.Collections;
using System.Globalization;

namespace Orchestrator.Templating.Rendering;

/// <summary>The list counterpart of <see cref="VariableView"/>: items that are template strings render when read.</summary>
internal sealed class ListView(IReadOnlyList<object?> source, RenderSession session, string path) : IReadOnlyList<object?>
{
    public int Count => source.Count;

    public object? this[int index] =>
        session.Resolve(source[index], path + "." + index.ToString(CultureInfo.InvariantCulture));

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < source.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
