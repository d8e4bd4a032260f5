using Orchestrator.Core.Modules;

namespace Orchestrator.Modules;

/// <summary>
/// One module. <see cref="PlanAsync"/> inspects the host and says what it would change; the engine decides
/// whether to apply (never in check mode). So check mode is an engine switch, not an if in every module.
/// </summary>
public interface IModule
{
    ModuleSpec Spec { get; }

    Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken);
}
