using Orchestrator.Core.Transport;

namespace Orchestrator.Modules.Files;

/// <summary>
/// The shared half of copy and template: one probe (dest, its folder, checksum), compared with the local content;
/// the apply writes with <see cref="ITransport.PutFileAsync"/> (atomic) or only fixes mode/owner/group.
/// </summary>
internal static class FileWriter
{
    public static async Task<ModulePlan> PlanAsync(ModuleContext context, FileWriteRequest request, CancellationToken cancellationToken)
    {
        if ((request.Attributes.Problem ?? DestinationProbe.Problem(request.Destination, request.SourceName)) is { } problem)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem));
        }

        var probe = new RemoteProbe();
        var destination = new DestinationProbe(probe, request.Destination, request.SourceName, ExpectedOnHost(context, request), request.Attributes);
        var answers = await probe.RunAsync(context.Transport, cancellationToken);
        if (answers.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(answers.Error));
        }

        var (target, error) = destination.Resolve(answers);
        if (target is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error ?? "cannot resolve dest"));
        }

        var state = target.State;
        var checksum = TextContent.Sha1(request.Content);
        if (target.MissingDirectory is { } missing)
        {
            // Nothing to fetch: the whole content is new, which is what --diff should show on a fresh host.
            var newText = context.DiffMode ? TextContent.AsDiffText(request.Content) : null;
            var wouldCreate = ModuleResult.Ok($"would create {target.Path}, but its directory {missing} does not exist yet")
                with { Diff = newText is null ? null : new FileDiff(target.Path, "", newText), Data = WriteResultData.Build(request, target, checksum) };
            return ModulePlan.Change(wouldCreate, _ => Task.FromResult(ModuleResult.Fail($"Destination directory {missing} does not exist")));
        }

        if (state.Exists && !request.Force)
        {
            return ModulePlan.Done(ModuleResult.Ok("file already exists") with { Data = WriteResultData.Existing(request, target, checksum) });
        }

        var contentChanges = !state.IsFile || state.Checksum != checksum;
        if (!contentChanges && !request.Attributes.Differ(state))
        {
            return ModulePlan.Done(ModuleResult.Ok() with { Data = WriteResultData.Build(request, target, checksum) });
        }

        var predicted = new ModuleResult
        {
            Changed = true,
            Data = WriteResultData.Build(request, target, checksum),
            Diff = context.DiffMode && contentChanges ? await DiffAsync(context.Transport, state, request.Content, cancellationToken) : null,
        };
        return ModulePlan.Change(predicted, token => ApplyAsync(context.Transport, request, target, contentChanges, predicted, token));
    }

    // Under become the probe's script is an argument of sudo (the host's process list, sudo's log), where content
    // must never appear; there the checksum program answers.
    private static byte[]? ExpectedOnHost(ModuleContext context, FileWriteRequest request) => context.Become ? null : request.Content;

    private static async Task<FileDiff?> DiffAsync(ITransport transport, RemoteFileState state, byte[] content, CancellationToken cancellationToken)
    {
        var after = TextContent.AsDiffText(content);
        if (after is null || (state.IsFile && state.Size > TextContent.MaxDiffBytes))
        {
            return null;
        }

        var before = state.IsFile ? await transport.FetchFileAsync(state.Path, null, cancellationToken) : [];
        var beforeText = before is null ? "" : TextContent.AsDiffText(before);
        return beforeText is null ? null : new FileDiff(state.Path, beforeText, after);
    }

    /// <summary>Writes the content (or only fixes attributes); lineinfile uses this too.</summary>
    public static async Task<ModuleResult> ApplyAsync(
        ITransport transport, FileWriteRequest request, WriteTarget target, bool contentChanges, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var state = target.State;
        var path = ShellQuote.Quote(target.Path);
        var result = predicted;
        if (contentChanges && request.Validate is { } validate && await ValidateAsync(transport, request.Content, validate, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var preparation = new List<string>();
        if (target.DirectoryToCreate is { } directory)
        {
            preparation.Add($"mkdir -p -- {ShellQuote.Quote(directory)}");
        }

        if (request.Backup && contentChanges && state.IsFile)
        {
            // Ansible's backup name: <dest>.<pid>.<date@time>~
            preparation.Add($"b={path}.\"$$.$(date +%Y-%m-%d@%H:%M:%S)~\" && cp -p -- {path} \"$b\" && printf '%s' \"$b\"");
        }

        if (preparation.Count > 0)
        {
            var prepared = await transport.RunAsync(new CommandRequest(string.Join(" && ", preparation)), cancellationToken);
            if (prepared.ExitCode != 0)
            {
                return ModuleResult.Fail($"preparing {target.Path} failed: {prepared.StderrText.Trim()}");
            }

            if (prepared.StdoutText.Length > 0)
            {
                result = result with { Data = new Dictionary<string, object?>(result.Data, StringComparer.Ordinal) { ["backup_file"] = prepared.StdoutText } };
            }
        }

        var attributes = request.Attributes;
        var fixup = attributes.Commands(target.Path, state);
        if (contentChanges)
        {
            var permissions = attributes.Mode is null ? null : attributes.TargetPermissions(state);
            await transport.PutFileAsync(
                new FileUpload(target.Path, request.Content)
                {
                    Mode = permissions is { } p ? PermissionMode.Format(p) : null,
                    Owner = attributes.Owner,
                    Group = attributes.Group,
                },
                cancellationToken);

            // Only a symbolic mode on a new file is left: its base is the mode the new file got.
            fixup = attributes.Mode is not null && permissions is null ? $"chmod -- {ShellQuote.Quote(PermissionMode.ExplicitSymbolic(attributes.Mode))} {path}" : "";
        }

        if (fixup.Length > 0)
        {
            var fixedUp = await transport.RunAsync(new CommandRequest(fixup) { IsInternal = true }, cancellationToken);
            if (fixedUp.ExitCode != 0)
            {
                return ModuleResult.Fail($"setting attributes of {target.Path} failed: {fixedUp.StderrText.Trim()}");
            }
        }

        return result;
    }

    // As Ansible's validate: the new content, in a temporary file of its own, must pass the command before it
    // replaces anything; the copy is removed whatever the answer.
    private static async Task<ModuleResult?> ValidateAsync(ITransport transport, byte[] content, string validate, CancellationToken cancellationToken)
    {
        if (!validate.Contains("%s", StringComparison.Ordinal))
        {
            return ModuleResult.Fail($"validate must contain %s: {validate}");
        }

        var copy = $"/tmp/.orch-validate.{Guid.NewGuid():N}";
        await transport.PutFileAsync(new FileUpload(copy, content) { Mode = "0600" }, cancellationToken);
        var check = await transport.RunAsync(
            new CommandRequest($"{validate.Replace("%s", ShellQuote.Quote(copy), StringComparison.Ordinal)}; __rc=$?; rm -f -- {ShellQuote.Quote(copy)}; exit $__rc"),
            cancellationToken);
        return check.ExitCode == 0
            ? null
            : ModuleResult.Fail("failed to validate") with { ReturnCode = check.ExitCode, Stdout = check.StdoutText, Stderr = check.StderrText };
    }
}
