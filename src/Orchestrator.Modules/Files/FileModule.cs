using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>Makes a path a file, directory, link, or absent, with the given mode/owner/group: one probe, at most one command.</summary>
internal sealed class FileModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "file",
        "Sets the state of a path (file, directory, link, touch, absent) and its mode, owner and group.",
        [
            new ArgumentSpec("path", ArgumentType.Path, "The path on the host.") { Required = true, Aliases = ["dest", "name"] },
            new ArgumentSpec("state", ArgumentType.String, "file: must exist, set attributes; directory: create with parents; link: symbolic link to src; touch: create an empty file if missing (timestamps of an existing one are kept); absent: remove recursively. Default: what the path is now, else file.")
            {
                Choices = ["file", "directory", "link", "touch", "absent"],
            },
            new ArgumentSpec("src", ArgumentType.Path, "What the link points to (state=link); a relative src is relative to the link's folder."),
            .. FileArguments.Attributes,
            new ArgumentSpec("recurse", ArgumentType.Bool, "With state=directory: set mode/owner/group on everything inside too (links excluded).") { Default = false },
            new ArgumentSpec("force", ArgumentType.Bool, "state=link: replace an existing file, and create the link even if src does not exist.") { Default = false },
            new ArgumentSpec("follow", ArgumentType.Bool, "Set attributes on what a link points to rather than on the link.") { Default = true },
        ]);

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var request = FileRequest.From(context.Arguments);
        if (request.Recurse && request.State is not (null or "directory"))
        {
            return ModulePlan.Done(ModuleResult.Fail("recurse option requires state to be 'directory'"));
        }

        // As in Ansible, src makes sense only for links (the default state, taken from the path, is checked in the plan).
        if (request.Source is not null && request.State is not (null or "link"))
        {
            return ModulePlan.Done(ModuleResult.Fail(FileStatePlanner.SourceNeedsLink) with { Data = new Dictionary<string, object?> { ["path"] = request.Path } });
        }

        if (request.Attributes.Problem is { } problem)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem));
        }

        var probe = new RemoteProbe();
        var own = probe.AddFile(request.Path);
        var followed = probe.AddFile(request.Path, follow: true);
        var source = request.SourceOnHost is { } sourcePath ? probe.AddFile(sourcePath, follow: true) : -1;
        var listing = request.Recurse ? probe.AddShell(RecursiveListing.Script(request.Path)) : -1;
        var answers = await probe.RunAsync(context.Transport, cancellationToken);
        if (answers.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(answers.Error));
        }

        var planner = new FileStatePlanner(
            request,
            answers.File(own, request.Path),
            answers.File(followed, request.Path),
            source >= 0 ? answers.File(source, request.SourceOnHost!) : null,
            listing >= 0 ? answers.Text(listing) : null);
        var change = planner.Plan();
        var data = FileResultData.From(request, change);
        if (change.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(change.Error) with { Data = data });
        }

        if (change.Command.Length == 0)
        {
            return ModulePlan.Done(ModuleResult.Ok() with { Data = data });
        }

        var predicted = new ModuleResult
        {
            Changed = true,
            Data = data,
            Diff = context.DiffMode ? StateDiff.Build(request.Path, change.Before, change.State, request.Attributes, change.LinkTarget) : null,
        };
        return ModulePlan.Change(predicted, token => ApplyAsync(context.Transport, change, predicted, token));
    }

    private static async Task<ModuleResult> ApplyAsync(ITransport transport, FileChange change, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var result = await transport.RunAsync(new CommandRequest(change.Command) { IsInternal = true, InSessionShell = true }, cancellationToken);
        return result.ExitCode == 0
            ? predicted
            : ModuleResult.Fail(result.StderrText.Trim() is { Length: > 0 } error ? error : $"command failed with exit code {result.ExitCode}") with { Data = predicted.Data };
    }
}
