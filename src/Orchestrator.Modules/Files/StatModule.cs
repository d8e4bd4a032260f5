using Orchestrator.Core.Modules;

namespace Orchestrator.Modules.Files;

/// <summary>Reports what a path is (one command); never changes anything.</summary>
internal sealed class StatModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "stat",
        "Reports whether a path exists and what it is (type, mode, owner, size, times, checksum); registered under 'stat'.",
        [
            new ArgumentSpec("path", ArgumentType.Path, "The path on the host.") { Required = true, Aliases = ["dest", "name"] },
            new ArgumentSpec("follow", ArgumentType.Bool, "Report what a symbolic link points to instead of the link.") { Default = false },
            new ArgumentSpec("get_checksum", ArgumentType.Bool, "Compute the checksum of a regular file.") { Default = true },
            new ArgumentSpec("checksum_algorithm", ArgumentType.String, "Algorithm of the checksum.")
            {
                Default = "sha1",
                Choices = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"],
                Aliases = ["checksum", "checksum_algo"],
            },
        ]);

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var path = arguments.GetRequiredString("path");
        var algorithm = arguments.GetBool("get_checksum", fallback: true) ? arguments.GetString("checksum_algorithm") ?? "sha1" : null;
        var probe = new RemoteProbe();
        var index = probe.AddFile(path, arguments.GetBool("follow"), algorithm);
        var answers = await probe.RunAsync(context.Transport, cancellationToken);
        if (answers.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(answers.Error));
        }

        var state = answers.File(index, path);
        if (state.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail($"cannot stat {path}: {state.Error}"));
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["stat"] = StatFields.From(state) };
        return ModulePlan.Done(ModuleResult.Ok() with { Data = data });
    }
}
