using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Control;

/// <summary>Fails the task with a message.</summary>
internal sealed class FailModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "fail",
        "Fails the task with a custom message.",
        [
            new ArgumentSpec("msg", ArgumentType.String, "The failure message.") { Default = "Failed as requested from task" },
        ]);

    public Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(ModulePlan.Done(ModuleResult.Fail(context.Arguments.GetString("msg") ?? "Failed as requested from task")));
}
