using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Values;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Renders a task's loop into its items and labels them for output.</summary>
internal static class LoopItems
{
    public static IReadOnlyList<object?> Resolve(RunContext run, LoopSpec loop, IReadOnlyDictionary<string, object?> vars)
    {
        var rendered = run.Templates.RenderDeep(loop.Items, vars, loop.Location);
        var items = rendered switch
        {
            IReadOnlyList<object?> list => list,
            null => [],
            IReadOnlyDictionary<string, object?> => throw new UserErrorException(loop.Location, "loop needs a list, not a mapping (to loop over a mapping, use its items)"),
            _ when loop.FlattenOnce => [rendered],
            _ => throw new UserErrorException(loop.Location, $"loop needs a list, not '{rendered}'"),
        };
        if (!loop.FlattenOnce)
        {
            return items;
        }

        return items.SelectMany(i => i is IReadOnlyList<object?> inner ? inner : [i]).ToList();
    }

    public static Dictionary<string, object?> Variables(LoopSpec loop, object? item, int index, int count)
    {
        var vars = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [loop.LoopVar] = item,
            ["ansible_loop_var"] = loop.LoopVar,
            ["ansible_loop"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["index"] = (long)index + 1,
                ["index0"] = (long)index,
                ["first"] = index == 0,
                ["last"] = index == count - 1,
                ["length"] = (long)count,
            },
        };
        if (loop.IndexVar is not null)
        {
            vars[loop.IndexVar] = (long)index;
        }

        return vars;
    }

    public static string Label(RunContext run, LoopSpec loop, object? item, IReadOnlyDictionary<string, object?> vars)
    {
        if (loop.Label is not null)
        {
            return run.Templates.RenderValue(loop.Label, vars, loop.Location)?.ToString() ?? "";
        }

        return PlainText.Of(item, "None");
    }
}
