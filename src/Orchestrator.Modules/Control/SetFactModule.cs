using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Control;

/// <summary>Sets host variables from its arguments; the engine stores <see cref="ModuleResult.Facts"/>.</summary>
internal sealed class SetFactModule : IModule
{
    private const string Cacheable = "cacheable";

    public ModuleSpec Spec { get; } = new(
        "set_fact",
        "Sets variables on the host for the rest of the run (every argument is a variable name).",
        [
            new ArgumentSpec(Cacheable, ArgumentType.Bool, "Accepted for compatibility with Ansible and ignored (there is no fact cache)."),
        ])
    {
        AcceptsAnyArguments = true,
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var facts = context.Arguments.Values
            .Where(entry => entry.Key != Cacheable)
            .ToDictionary(entry => entry.Key, entry => Boolean(entry.Value), StringComparer.Ordinal);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ansible_facts"] = facts };
        return Task.FromResult(ModulePlan.Done(ModuleResult.Ok() with { Facts = facts, Data = data }));
    }

    // Ansible's set_fact turns the strings true/false/yes/no (any case) into booleans: 'flag=false' then reads false.
    private static object? Boolean(object? value) => value is string text
        ? text.ToLowerInvariant() switch { "true" or "yes" => true, "false" or "no" => false, _ => value }
        : value;
}
