using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Apt;

/// <summary>The sources file before and after (null after: the file goes), and how to get there.</summary>
internal sealed record RepositoryChange(string Path, RemoteFileState State, string Before, string? After, RepositoryRequest Request)
{
    public bool ContentChanges => Request.Present ? !State.Exists || After != Before : State.Exists && After != Before;

    public bool ModeChanges => Request.Present && State.Exists && Request.Attributes.ModeDiffers(State);

    public ModuleResult Result(bool diff) => new()
    {
        Data = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["repo"] = Request.Line.Text,
            ["sources_list"] = Path,
            ["state"] = Request.Present ? "present" : "absent",
            ["cache_updated"] = false,
        },
        Diff = diff && ContentChanges ? new FileDiff(Path, Before, After ?? "") : null,
    };

    public async Task<ModuleResult> ApplyAsync(ITransport transport, ModuleResult predicted, CancellationToken cancellationToken)
    {
        var failure = await WriteAsync(transport, cancellationToken);
        if (failure is not null)
        {
            return ModuleResult.Fail(failure);
        }

        if (!Request.UpdateCache || !ContentChanges)
        {
            return predicted;
        }

        var (updateFailure, warnings, update) = await AptUpdate.RunAsync(transport, Request.LockTimeout, Request.Line.Uri, cancellationToken);
        if (updateFailure is not null)
        {
            var restored = await RestoreAsync(transport, cancellationToken);
            return ModuleResult.Fail($"{updateFailure}; {restored}") with { ReturnCode = update.ExitCode, Stdout = update.StdoutText, Stderr = update.StderrText };
        }

        return predicted with
        {
            Data = new Dictionary<string, object?>(predicted.Data, StringComparer.Ordinal) { ["cache_updated"] = true },
            Warnings = [.. predicted.Warnings, .. warnings],
        };
    }

    private async Task<string?> WriteAsync(ITransport transport, CancellationToken cancellationToken)
    {
        var attributes = Request.Attributes;
        string command;
        if (After is null)
        {
            command = $"rm -f -- {ShellQuote.Quote(Path)}";
        }
        else if (ContentChanges)
        {
            var permissions = attributes.Mode is null ? null : attributes.TargetPermissions(State);
            await transport.PutFileAsync(
                new FileUpload(Path, TextContent.Encode(After)) { Mode = permissions is { } p ? PermissionMode.Format(p) : null },
                cancellationToken);
            // Only a symbolic mode on a new file is left: its base is the mode the upload gave it.
            command = attributes.Mode is not null && permissions is null ? $"chmod -- {ShellQuote.Quote(PermissionMode.ExplicitSymbolic(attributes.Mode))} {ShellQuote.Quote(Path)}" : "";
        }
        else
        {
            command = attributes.Commands(Path, State);
        }

        if (command.Length == 0)
        {
            return null;
        }

        var run = await transport.RunAsync(new CommandRequest(command), cancellationToken);
        return run.ExitCode == 0 ? null : $"{command} failed: {run.StderrText.Trim()}";
    }

    private async Task<string> RestoreAsync(ITransport transport, CancellationToken cancellationToken)
    {
        if (State.Exists)
        {
            await transport.PutFileAsync(new FileUpload(Path, TextContent.Encode(Before)) { Mode = State.Mode }, cancellationToken);
            return $"the previous {Path} was put back";
        }

        await transport.RunAsync(new CommandRequest($"rm -f -- {ShellQuote.Quote(Path)}"), cancellationToken);
        return $"{Path} was removed again";
    }
}
