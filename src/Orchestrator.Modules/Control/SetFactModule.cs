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
            .ToDictionary(entry => entry.Key, entry => entry.Value, StringComparer.Ordinal);
        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ansible_facts"] = facts };
        return Task.FromResult(ModulePlan.Done(ModuleResult.Ok() with { Facts = facts, Data = data }));
    }
}
