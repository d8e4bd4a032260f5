using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Control;

/// <summary>Declares meta actions; the engine carries them out itself, the module only validates the action.</summary>
internal sealed class MetaModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "meta",
        "Controls the run itself (flush handlers, end the play or host...); carried out by the engine.",
        [
            new ArgumentSpec("action", ArgumentType.String, "What to do.")
            {
                Required = true,
                Choices = ["flush_handlers", "noop", "end_play", "end_host", "end_batch", "clear_facts", "clear_host_errors", "refresh_inventory", "reset_connection"],
            },
        ])
    {
        FreeFormArgument = "action",
    };

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ModulePlan.Done(ModuleResult.Ok()));
}
