using Orchestrator.Core.Output;
using Orchestrator.Core.Values;

namespace Orchestrator.Output.Console;

/// <summary>Builds the result dict ansible prints after " => ", cleaned as its callbacks clean it.</summary>
internal static class ResultView
{
    private static readonly string[] HiddenInDebug = ["changed", "failed", "skipped", "invocation", "skip_reason"];

    public static bool IsDebug(HostResult result) =>
        result.Task.Module is "debug" or "ansible.builtin.debug" && result.Details is not null;

    /// <summary>A passed assert's message, which ansible shows at any verbosity (its result is "verbose always").</summary>
    public static bool IsPassedAssert(HostResult result) =>
        result.Task.Module is "assert" or "ansible.builtin.assert" && result.Status == ResultStatus.Ok && result.Message.Length > 0 && !result.Quiet;

    /// <summary>Results ansible prints whole even without -v: debug's, and a passed assert's message.</summary>
    public static bool IsShownAlways(HostResult result) => (IsDebug(result) && result.Status != ResultStatus.Skipped) || IsPassedAssert(result);

    /// <param name="itemsShown">The loop's items already had their lines, so its "results" list is left out.</param>
    public static string Dump(HostResult result, int verbosity, bool itemsShown = false)
    {
        var indent = verbosity > 2 || IsShownAlways(result) ? 4 : 0;
        return PythonJson.Format(Build(result, verbosity, itemsShown), indent, sortKeys: true);
    }

    public static Dictionary<string, object?> Build(HostResult result, int verbosity, bool itemsShown)
    {
        var view = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in result.Details ?? new Dictionary<string, object?>())
        {
            if (!IsHidden(key, verbosity) && !(itemsShown && key == "results"))
            {
                view[key] = value;
            }
        }

        AddMissing(view, result);
        if (IsDebug(result))
        {
            CleanDebug(view);
        }
        else if (IsPassedAssert(result) && verbosity == 0)
        {
            view = new Dictionary<string, object?>(StringComparer.Ordinal) { ["changed"] = false, ["msg"] = result.Message };
        }

        return view;
    }

    private static bool IsHidden(string key, int verbosity) =>
        key.StartsWith("_ansible", StringComparison.Ordinal)
        || key == "exception"
        || (verbosity < 3 && key is "invocation" or "diff");

    private static void AddMissing(Dictionary<string, object?> view, HostResult result)
    {
        var failing = result.Status is ResultStatus.Failed or ResultStatus.Unreachable;
        view.TryAdd("changed", result.Status == ResultStatus.Changed);
        if (failing || result.Message.Length > 0)
        {
            view.TryAdd(result.Status == ResultStatus.Skipped ? "skip_reason" : "msg", result.Message);
        }
        else if (result.Status == ResultStatus.Skipped && result.Details is null)
        {
            view.TryAdd("skip_reason", "Conditional result was False");
        }

        AddIfPresent(view, "rc", result.ReturnCode);
        AddIfPresent(view, "stdout", result.Stdout);
        AddIfPresent(view, "stderr", result.Stderr);
        AddIfPresent(view, "item", result.ItemLabel);
        if (result.Status == ResultStatus.Unreachable)
        {
            view["unreachable"] = true;
        }
    }

    private static void AddIfPresent(Dictionary<string, object?> view, string key, object? value)
    {
        if (value is not null)
        {
            view.TryAdd(key, value);
        }
    }

    // debug shows only what it was asked to show: its msg alone, or the variable without the bookkeeping keys.
    private static void CleanDebug(Dictionary<string, object?> view)
    {
        // debug var=x registers an empty msg beside x: only a real message wins.
        if (view.TryGetValue("msg", out var message) && message is not "")
        {
            view.Clear();
            view["msg"] = message;
            return;
        }

        view.Remove("msg");
        foreach (var key in HiddenInDebug)
        {
            view.Remove(key);
        }
    }
}
