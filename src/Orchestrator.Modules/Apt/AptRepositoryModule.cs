using Orchestrator.Core.Modules;
using Orchestrator.Core.Transport;
using Orchestrator.Modules.Files;

namespace Orchestrator.Modules.Apt;

/// <summary>
/// Manages one source line in its own sources.list.d file. One probe reads the file, the keyring named by
/// signed-by and other files naming the same URI; a change is an atomic upload, then apt-get update (only
/// when the file changed), and the old file back if apt cannot use the new source.
/// </summary>
internal sealed class AptRepositoryModule : IModule
{
    private const string SourcesDirectory = "/etc/apt/sources.list.d";

    public ModuleSpec Spec { get; } = new(
        "apt_repository",
        "Adds or removes an apt source line in its own sources.list.d file (never twice); refreshes the package lists when the file changed.",
        [
            new ArgumentSpec("repo", ArgumentType.String, "The source line, e.g. 'deb [signed-by=/etc/apt/keyrings/x.gpg] http://repos.example.com/ubuntu jammy main'.") { Required = true },
            new ArgumentSpec("state", ArgumentType.String, "present: the file holds the line (a line for the same type, URI and suite is replaced); absent: it does not.") { Default = "present", Choices = ["present", "absent"] },
            new ArgumentSpec("filename", ArgumentType.String, "File name in /etc/apt/sources.list.d without .list; default derived from the URI (repos.example.com/ubuntu gives repos_example_com_ubuntu)."),
            FileArguments.Mode with { Default = "0644", Description = "Permissions of the sources file: octal ('0644') or symbolic. apt reads it as an unprivileged user." },
            new ArgumentSpec("signed_by", ArgumentType.String, "Keyring for the source, added as [signed-by=...] when the line has none."),
            new ArgumentSpec("update_cache", ArgumentType.Bool, "Run apt-get update when the file changed; if apt cannot use the source, the old file is put back and the task fails.") { Default = true, Aliases = ["update-cache"] },
            new ArgumentSpec("lock_timeout", ArgumentType.Int, "Seconds apt-get update waits for another apt or dpkg to release its lock.") { Default = 60L },
        ]);

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        var (request, error) = RepositoryRequest.From(arguments);
        if (request is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error!));
        }

        var path = $"{SourcesDirectory}/{request.FileName}.list";
        var quoted = ShellQuote.Quote(path);
        var probe = new RemoteProbe();
        var fileIndex = probe.AddFile(path, follow: true);
        var contentIndex = probe.AddShell($"[ -f {quoted} ] && cat -- {quoted}; true");
        var othersIndex = probe.AddShell(
            $"grep -sHF -- {ShellQuote.Quote(request.Line.Uri.TrimEnd('/'))} /etc/apt/sources.list {SourcesDirectory}/*.list {SourcesDirectory}/*.sources; true");
        var keyringIndex = request.Line.SignedBy is { } keyring && keyring.StartsWith('/') ? probe.AddFile(keyring, follow: true) : -1;
        var answers = await probe.RunAsync(context.Transport, cancellationToken);
        if (answers.Error is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(answers.Error));
        }

        var state = answers.File(fileIndex, path);
        if (state.Exists && !state.IsFile)
        {
            return ModulePlan.Done(ModuleResult.Fail($"{path} exists and is not a file"));
        }

        var before = state.Exists ? answers.Text(contentIndex) : "";
        var warnings = RepositoryWarnings.For(request, path, answers.Text(othersIndex), keyringIndex < 0 ? null : answers.File(keyringIndex, request.Line.SignedBy!));
        var after = request.Present ? SourcesFile.WithSource(before, request.Line) : state.Exists ? SourcesFile.WithoutSource(before, request.Line) : null;
        var change = new RepositoryChange(path, state, before, after, request);
        if (!change.ContentChanges && !change.ModeChanges)
        {
            return ModulePlan.Done(change.Result(context.DiffMode) with { Warnings = warnings });
        }

        var predicted = change.Result(context.DiffMode) with { Changed = true, Warnings = warnings };
        return ModulePlan.Change(predicted, token => change.ApplyAsync(context.Transport, predicted, token));
    }
}
