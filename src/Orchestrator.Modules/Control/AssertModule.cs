using System.Globalization;
using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Control;

/// <summary>Checks conditions; fails naming the first one that is false.</summary>
internal sealed class AssertModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "assert",
        "Fails unless every condition holds; the message names the first condition that does not.",
        [
            // Raw, not List: a comma inside a condition ("x in [1, 2]") must not split it.
            new ArgumentSpec("that", ArgumentType.Raw, "A condition or a list of conditions (expressions like 'when:'), all of which must be true.") { Required = true },
            new ArgumentSpec("fail_msg", ArgumentType.String, "Message of the failure instead of 'Assertion failed' (the failing condition is registered as 'assertion').") { Aliases = ["msg"] },
            new ArgumentSpec("success_msg", ArgumentType.String, "Message when every condition holds.") { Default = "All assertions passed" },
            new ArgumentSpec("quiet", ArgumentType.Bool, "Do not print the success message (it is still registered as msg, as in Ansible).") { Default = false },
        ]);

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        foreach (var condition in Conditions(arguments.GetRaw("that")))
        {
            if (!context.Templates.EvaluateCondition(condition, context.Variables, context.TaskLocation))
            {
                var failed = ModuleResult.Fail(arguments.GetString("fail_msg") ?? "Assertion failed") with
                {
                    Data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["assertion"] = condition, ["evaluated_to"] = false },
                };
                return Task.FromResult(ModulePlan.Done(failed));
            }
        }

        var message = arguments.GetString("success_msg") ?? "All assertions passed";
        return Task.FromResult(ModulePlan.Done(ModuleResult.Ok(message) with { Quiet = arguments.GetBool("quiet") }));
    }

    private static IEnumerable<string> Conditions(object? that) => that switch
    {
        null => [],
        string text => [text],
        bool b => [b ? "true" : "false"],
        IEnumerable<object?> list => list.Select(Condition),
        _ => [Condition(that)],
    };

    private static string Condition(object? item) => item switch
    {
        string text => text,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => item?.ToString() ?? "",
    };
}
