using Orchestrator.Templating.Values;

namespace Orchestrator.Templating.Helpers;

/// <summary>
/// <c>dict2items mapping</c>: the mapping as a list of <c>{key, value}</c> mappings in its own order, as Ansible's
/// filter of that name gives, so a task can loop over a mapping (one file per Mesos agent attribute).
/// </summary>
internal static class Dict2ItemsHelper
{
    public static object? Invoke(HelperArguments args)
    {
        args.Expect(1, 1, "dict2items mapping");
        if (args.Value(0) is not IReadOnlyDictionary<string, object?> mapping)
        {
            throw args.Fail($"expects a mapping, got {ValueText.Describe(args.Value(0))}");
        }

        return mapping.Select(pair => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = pair.Key,
            ["value"] = pair.Value,
        }).ToList();
    }
}
