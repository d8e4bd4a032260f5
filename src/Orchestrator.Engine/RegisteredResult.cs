using Orchestrator.Modules;

namespace Orchestrator.Engine;

/// <summary>Builds the value <c>register</c> stores, with Ansible's field names.</summary>
internal static class RegisteredResult
{
    public static Dictionary<string, object?> From(ModuleResult result)
    {
        var value = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["changed"] = result.Changed,
            ["failed"] = result.Failed,
            ["skipped"] = result.Skipped,
            ["msg"] = result.Message,
        };
        if (result.ReturnCode is { } rc)
        {
            value["rc"] = (long)rc;
        }

        if (result.Stdout is not null)
        {
            value["stdout"] = result.Stdout;
            value["stdout_lines"] = PythonLines.Split(result.Stdout);
        }

        if (result.Stderr is not null)
        {
            value["stderr"] = result.Stderr;
            value["stderr_lines"] = PythonLines.Split(result.Stderr);
        }

        foreach (var (key, data) in result.Data)
        {
            value[key] = data;
        }

        return value;
    }

    /// <summary>A looped task's value: the items' results under "results", Ansible-style.</summary>
    public static Dictionary<string, object?> ForLoop(IReadOnlyList<Dictionary<string, object?>> items)
    {
        if (items.Count == 0)
        {
            // Ansible's value for a loop over nothing: skipped, so "is skipped" holds.
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["changed"] = false,
                ["failed"] = false,
                ["skipped"] = true,
                ["skipped_reason"] = "No items in the list",
                ["results"] = new List<object?>(),
            };
        }

        var failed = items.Any(i => i.GetValueOrDefault("failed") is true);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["changed"] = items.Any(i => i.GetValueOrDefault("changed") is true),
            ["failed"] = failed,
            ["skipped"] = items.All(i => i.GetValueOrDefault("skipped") is true),
            ["msg"] = failed ? "One or more items failed" : "All items completed",
            ["results"] = items.Cast<object?>().ToList(),
        };
    }

    public static Dictionary<string, object?> Skipped(string reason) => new(StringComparer.Ordinal)
    {
        ["changed"] = false,
        ["skipped"] = true,
        ["skip_reason"] = reason,
        ["msg"] = "",
    };
}
