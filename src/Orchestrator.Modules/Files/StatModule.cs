using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

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
        var follow = arguments.GetBool("follow");
        var index = probe.AddFile(path, follow, algorithm);

        // lnk_source (Python's os.path.realpath) in the same round trip; its readlink process runs only for a link.
        var realPath = follow ? -1 : probe.AddShell(RealPathScript(path), leavesShellAsItWas: true);
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

        var fields = StatFields.From(state);
        if (state.IsLink && realPath >= 0 && answers.Text(realPath).TrimEnd('\n') is { Length: > 0 } source)
        {
            fields["lnk_source"] = source;
        }

        var data = new Dictionary<string, object?>(StringComparer.Ordinal) { ["stat"] = fields };
        return ModulePlan.Done(ModuleResult.Ok() with { Data = data });
    }

    // readlink -m resolves as far as the links exist, as os.path.realpath does; busybox's readlink knows only -f.
    private static string RealPathScript(string path)
    {
        var quoted = ShellQuote.Quote(path);
        return $"if [ -L {quoted} ]; then readlink -m -- {quoted} 2>/dev/null || readlink -f -- {quoted} 2>/dev/null || :; fi";
    }
}
