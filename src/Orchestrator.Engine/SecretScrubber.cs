using Orchestrator.Core.Secrets;

namespace Orchestrator.Engine;

/// <summary>Masks secrets in every string of a nested value (a registered result shown with -v).</summary>
internal static class SecretScrubber
{
    public static object? Scrub(object? value, SecretMasker secrets) => value switch
    {
        string s => secrets.Apply(s),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => Scrub(e.Value, secrets), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(v => Scrub(v, secrets)).ToList(),
        _ => value,
    };
}
