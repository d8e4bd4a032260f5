using Orchestrator.Core.Yaml;

namespace Orchestrator.Engine;

/// <summary>
/// Where a task's module arguments are written: the module key's mapping (also in the <c>action: {module: x}</c>
/// form) over the task's <c>args:</c> mapping, or one scalar of <c>k=v</c> words or free-form text.
/// </summary>
internal sealed record ArgumentNodes(YMapping? Inline, YMapping? Args, YScalar? Words)
{
    private static readonly string[] Prefixes = ["", "ansible.builtin.", "ansible.legacy."];

    public static ArgumentNodes None { get; } = new(null, null, null);

    public static ArgumentNodes Of(YMapping? task, string module)
    {
        if (task is null)
        {
            return None;
        }

        var args = task["args"] as YMapping;
        var value = Prefixes.Select(prefix => task[prefix + module]).FirstOrDefault(v => v is not null)
                    ?? task["action"] ?? task["local_action"];
        return value switch
        {
            YMapping mapping => new ArgumentNodes(mapping, args, null),
            YScalar scalar => new ArgumentNodes(null, args, scalar),
            _ => new ArgumentNodes(null, args, null),
        };
    }

    /// <summary>The node of one argument written as a mapping entry; inline arguments win over args:, as in the parser.</summary>
    public YNode? this[string name] => Inline?[name] ?? Args?[name];
}
