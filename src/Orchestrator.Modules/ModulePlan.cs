namespace Orchestrator.Modules;

/// <summary>What a module found: either nothing to do (a final result) or a change and how to apply it.</summary>
public sealed record ModulePlan
{
    private ModulePlan(ModuleResult result, Func<CancellationToken, Task<ModuleResult>>? apply, bool supportsCheckMode)
    {
        Result = result;
        Apply = apply;
        SupportsCheckMode = supportsCheckMode;
    }

    /// <summary>The final result when <see cref="Apply"/> is null; otherwise what check mode reports (changed, with the diff).</summary>
    public ModuleResult Result { get; }

    public Func<CancellationToken, Task<ModuleResult>>? Apply { get; }

    /// <summary>False for modules that cannot predict their effect (raw; command and shell without creates/removes): check mode reports them skipped.</summary>
    public bool SupportsCheckMode { get; }

    public static ModulePlan Done(ModuleResult result) => new(result, null, true);

    public static ModulePlan Change(ModuleResult predicted, Func<CancellationToken, Task<ModuleResult>> apply) =>
        new(predicted with { Changed = true }, apply, true);

    /// <summary>
    /// Only the apply can tell whether anything changes (apt refreshing its package lists and then finding
    /// something newer): check mode reports <paramref name="predicted"/> as it is, which may be unchanged,
    /// and a real run reports what the apply returns.
    /// </summary>
    public static ModulePlan Provisional(ModuleResult predicted, Func<CancellationToken, Task<ModuleResult>> apply) =>
        new(predicted, apply, true);

    public static ModulePlan Unpredictable(Func<CancellationToken, Task<ModuleResult>> apply) =>
        new(ModuleResult.Skip("skipped in check mode: the effect of this module cannot be predicted"), apply, false);
}
