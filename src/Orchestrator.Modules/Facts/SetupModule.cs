using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Facts;

/// <summary>
/// Gathers the host's facts (SPEC §6) in ONE command: a POSIX sh script that needs no python
/// (<see cref="FactsScript"/>), parsed on the controller (<see cref="FactsParser"/>). The engine stores the
/// result as the host's "facts" variable.
/// </summary>
internal sealed class SetupModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "setup",
        "Gathers the host's facts (distribution, codename, addresses, CPUs, memory, init system, docker) in one round trip, without python; read as facts.NAME.",
        [
            new ArgumentSpec(
                "filter",
                ArgumentType.List,
                "Keep only facts whose names match one of these shell-style patterns (e.g. 'distribution*'; an 'ansible_' prefix is ignored). Default: all of "
                + "distribution, distribution_version, distribution_major_version, distribution_release, os_family, hostname, fqdn, default_ipv4, default_interface, "
                + "all_ipv4, processor_count, processor_vcpus, memtotal_mb, memfree_mb, service_mgr, docker_present, python_present, architecture, kernel."),
        ]);

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var result = await context.Transport.RunAsync(new CommandRequest(FactsScript.Text) { IsInternal = true }, cancellationToken);
        var sections = FactsScript.Sections(result.StdoutText);
        if (sections is null)
        {
            var detail = result.StderrText.Trim();
            return ModulePlan.Done(ModuleResult.Fail($"gathering facts failed (exit {result.ExitCode}){(detail.Length > 0 ? ": " + detail : "")}"));
        }

        var facts = FactFilter.Apply(FactsParser.Parse(sections), context.Arguments.GetStringList("filter"));
        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["ansible_facts"] = new Dictionary<string, object?>(facts, StringComparer.Ordinal) };
        return ModulePlan.Done(ModuleResult.Ok() with { Facts = facts, Data = data });
    }
}
