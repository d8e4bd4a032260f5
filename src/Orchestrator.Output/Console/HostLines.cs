using Orchestrator.Core.Output;

namespace Orchestrator.Output.Console;

/// <summary>The per-host lines of ansible's default callback (v2_runner_on_* and v2_runner_item_on_*).</summary>
internal static class HostLines
{
    /// <summary>A loop item's line; ansible has no item form of "unreachable", so that one reads like the task's.</summary>
    public static (string Text, string Colour) Item(HostResult result, int verbosity)
    {
        var item = $"(item={result.ItemLabel})";
        var label = Label(result);
        return result.Status switch
        {
            ResultStatus.Ok => ($"ok: [{label}] => {item}{Verbose(result, verbosity)}", AnsiColour.Ok),
            ResultStatus.Changed => ($"changed: [{label}] => {item}{Verbose(result, verbosity)}", AnsiColour.Changed),
            // The space after the item is ansible's own.
            ResultStatus.Skipped => ($"skipping: [{result.Host}] => {item} {Verbose(result, verbosity)}", AnsiColour.Skip),
            ResultStatus.Failed => ($"failed: [{label}] {item} => {ResultView.Dump(result, verbosity)}", AnsiColour.Error),
            _ => Unreachable(result, verbosity),
        };
    }

    /// <summary>The task's own line for a host; null where ansible prints nothing (a loop's ok/changed/failed summary).</summary>
    public static (string Text, string Colour)? Task(HostResult result, int verbosity, bool hadItems)
    {
        var label = Label(result);
        return result.Status switch
        {
            ResultStatus.Ok when !hadItems => ($"ok: [{label}]{Verbose(result, verbosity)}", AnsiColour.Ok),
            ResultStatus.Changed when !hadItems => ($"changed: [{label}]{Verbose(result, verbosity)}", AnsiColour.Changed),
            ResultStatus.Skipped => ($"skipping: [{result.Host}]{Verbose(result, verbosity, hadItems)}", AnsiColour.Skip),
            ResultStatus.Failed when !hadItems => ($"fatal: [{label}]: FAILED! => {ResultView.Dump(result, verbosity)}", AnsiColour.Error),
            ResultStatus.Unreachable => Unreachable(result, verbosity, hadItems),
            _ => null,
        };
    }

    /// <summary>An include_tasks' line for the hosts that included a file together (ansible's v2_playbook_on_include).</summary>
    public static (string Text, string Colour) Included(HostResult result) =>
        ($"included: {result.IncludedFile} for {string.Join(", ", result.IncludedWith ?? [result.Host])}{(result.ItemLabel is null ? "" : $" => (item={result.ItemLabel})")}", AnsiColour.Skip);

    private static (string, string) Unreachable(HostResult result, int verbosity, bool hadItems = false) =>
        ($"fatal: [{Label(result)}]: UNREACHABLE! => {ResultView.Dump(result, verbosity, hadItems)}", AnsiColour.Unreachable);

    private static string Label(HostResult result) =>
        result.DelegatedTo is { Length: > 0 } delegated && delegated != result.Host
            ? $"{result.Host} -> {delegated}"
            : result.Host;

    private static string Verbose(HostResult result, int verbosity, bool hadItems = false) =>
        verbosity > 0 || ResultView.IsShownAlways(result) ? " => " + ResultView.Dump(result, verbosity, hadItems) : "";
}
