using Orchestrator.Core.Modules;
using Orchestrator.Modules.Files;
using FileAttributes = Orchestrator.Modules.Files.FileAttributes;

namespace Orchestrator.Modules.Text;

/// <summary>
/// Ensures one line is in a file (or that matching lines are not), Ansible's lineinfile. The file is read in one
/// command (<see cref="FileSnapshot"/>), edited in C# (<see cref="LineEditor"/>) and written atomically like copy.
/// </summary>
internal sealed class LineInFileModule : IModule
{
    public ModuleSpec Spec { get; } = new(
        "lineinfile",
        "Ensures a line is in a file, replacing the line a regular expression matches, or removes matching lines. Writes atomically; keeps mode and owner.",
        LineInFileArguments.All)
    {
        MutuallyExclusive = LineInFileArguments.MutuallyExclusive,
    };

    public async Task<ModulePlan> PlanAsync(ModuleContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        if (LineInFileArguments.Problem(arguments) is { } problem)
        {
            return ModulePlan.Done(ModuleResult.Fail(problem));
        }

        // Patterns are checked before the host is asked anything; they are compiled again for a file that is not UTF-8.
        var (_, patternError) = Compile(arguments, null);
        if (patternError is not null)
        {
            return ModulePlan.Done(ModuleResult.Fail(patternError));
        }

        var path = arguments.GetRequiredString("path");
        var (snapshot, error) = await FileSnapshot.TakeAsync(context.Transport, path, cancellationToken);
        if (snapshot is null)
        {
            return ModulePlan.Done(ModuleResult.Fail(error ?? $"cannot read {path}"));
        }

        var absent = arguments.GetString("state") == "absent";
        var state = snapshot.State;
        var failure = state switch
        {
            { IsDirectory: true } => Failure(256, $"Path {path} is a directory !"),
            { Exists: true, IsFile: false } => ModuleResult.Fail($"Path {path} is not a regular file"),
            { Exists: false } when !absent && !arguments.GetBool("create") => Failure(257, $"Destination {path} does not exist !"),
            _ => null,
        };
        if (failure is not null)
        {
            return ModulePlan.Done(failure);
        }

        if (absent && !state.Exists)
        {
            return ModulePlan.Done(ModuleResult.Ok("file not present") with { Data = Data(absent, 0, backupKey: false) });
        }

        var text = FileText.Decode(snapshot.Content ?? []);
        var (edit, _) = Compile(arguments, text);
        LineEditOutcome outcome;
        try
        {
            outcome = absent ? LineEditor.Absent(text.Text, edit!) : LineEditor.Present(text.Text, edit!);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return ModulePlan.Done(ModuleResult.Fail(ex.Message));
        }

        var attributes = FileAttributes.From(arguments);
        var attributesChange = state.Exists && attributes.Differ(state);
        var warnings = LineInFileArguments.Warnings(arguments);
        if (!outcome.Changed && !attributesChange)
        {
            return ModulePlan.Done(ModuleResult.Ok(outcome.Message) with { Data = Data(absent, outcome.Found), Warnings = warnings });
        }

        var target = new WriteTarget(snapshot.WritePath, state with { Path = snapshot.WritePath }, state.Exists || !snapshot.ParentMissing ? null : RemotePath.Parent(path));
        var request = new FileWriteRequest(target.Path, text.Encode(outcome.Content), attributes) { Backup = arguments.GetBool("backup"), Validate = arguments.GetString("validate") };
        var predicted = new ModuleResult
        {
            Changed = true,
            Message = Message(outcome, attributesChange),
            Data = Data(absent, outcome.Found),
            Diff = context.DiffMode ? Diff(target, snapshot, outcome, attributes, text) : null,
            Warnings = warnings,
        };
        return ModulePlan.Change(predicted, token => ApplyAsync(context, request, target, outcome.Changed, predicted, token));
    }

    private static async Task<ModuleResult> ApplyAsync(
        ModuleContext context, FileWriteRequest request, WriteTarget target, bool contentChanges, ModuleResult predicted, CancellationToken cancellationToken)
    {
        ModuleResult result;
        try
        {
            result = await FileWriter.ApplyAsync(context.Transport, request, target, contentChanges, predicted, cancellationToken);
        }
        catch (IOException ex)
        {
            return ModuleResult.Fail(ex.Message);
        }

        if (result.Data.TryGetValue("backup_file", out var backup))
        {
            result = result with { Data = new Dictionary<string, object?>(result.Data, StringComparer.Ordinal) { ["backup"] = backup } };
        }

        return result;
    }

    /// <summary>The edit with its patterns compiled for this file's text; null text = only check that they compile.</summary>
    private static (LineEdit? Edit, string? Error) Compile(ModuleArguments arguments, FileText? text)
    {
        string? Adapt(string name) => text is null ? arguments.GetString(name) : text.Adapt(arguments.GetString(name));
        var (regexp, regexpError) = Pattern("regexp", Adapt("regexp"));
        var insertAfter = Adapt("insertafter");
        var insertBefore = Adapt("insertbefore");
        var insertPattern = insertAfter is not null and not "BOF" and not "EOF" ? insertAfter
            : insertBefore is not null and not "BOF" ? insertBefore
            : null;
        var (insert, insertError) = Pattern(insertAfter is not null ? "insertafter" : "insertbefore", insertPattern);
        if ((regexpError ?? insertError) is { } error)
        {
            return (null, error);
        }

        return (new LineEdit
        {
            Line = Adapt("line"),
            Regexp = regexp,
            SearchString = Adapt("search_string"),
            InsertAfter = insertAfter,
            InsertBefore = insertBefore,
            InsertPattern = insert,
            Backrefs = arguments.GetBool("backrefs"),
            FirstMatch = arguments.GetBool("firstmatch"),
        }, null);
    }

    private static (PythonPattern?, string?) Pattern(string argument, string? pattern) =>
        pattern is null ? (null, null) : PythonRegex.TryCreate(argument, pattern);

    private static string Message(LineEditOutcome outcome, bool attributesChange)
    {
        const string attributesChanged = "ownership, perms or SE linux context changed";
        return !attributesChange ? outcome.Message
            : outcome.Message.Length == 0 ? attributesChanged
            : outcome.Message + " and " + attributesChanged;
    }

    private static FileDiff? Diff(WriteTarget target, FileSnapshot snapshot, LineEditOutcome outcome, FileAttributes attributes, FileText text)
    {
        if (!outcome.Changed)
        {
            return StateDiff.Build(target.Path, target.State, "file", attributes);
        }

        var before = snapshot.Content is null ? "" : TextContent.AsDiffText(snapshot.Content);
        var after = TextContent.AsDiffText(text.Encode(outcome.Content));
        return before is null || after is null ? null : new FileDiff(target.Path, before, after);
    }

    // Ansible's lineinfile reports "backup" as "" when it made none (the backup's path after a write made one),
    // except when state=absent finds no file, where it returns before any backup is considered.
    private static Dictionary<string, object?> Data(bool absent, int found, bool backupKey = true)
    {
        var data = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (backupKey)
        {
            data["backup"] = "";
        }

        if (absent)
        {
            data["found"] = (long)found;
        }

        return data;
    }

    private static ModuleResult Failure(int code, string message) => ModuleResult.Fail(message) with { ReturnCode = code };
}
