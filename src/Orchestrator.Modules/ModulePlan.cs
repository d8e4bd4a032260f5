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

    /// <param name="skipped">
    /// What check mode registers, marked skipped here: the module's own keys, so later tasks that read them
    /// (command's r.stdout) still work in a dry run, as in Ansible.
    /// </param>
    public static ModulePlan Unpredictable(ModuleResult skipped, Func<CancellationToken, Task<ModuleResult>> apply) =>
        new(skipped with { Skipped = true, Changed = false }, apply, false);

    /// <summary>The same plan with <paramref name="warnings"/> added to whatever it reports, predicted or applied.</summary>
    public ModulePlan WithWarnings(IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return this;
        }

        ModuleResult Warned(ModuleResult result) => result with { Warnings = [.. result.Warnings, .. warnings] };
        var apply = Apply;
        return new(Warned(Result), apply is null ? null : async token => Warned(await apply(token).ConfigureAwait(false)), SupportsCheckMode);
    }
}
