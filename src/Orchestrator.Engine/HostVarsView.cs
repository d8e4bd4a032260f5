namespace Orchestrator.Engine;

/// <summary>The magic <c>hostvars</c>: every host's variables, built only for the hosts a template actually reads.</summary>
internal sealed class HostVarsView(IReadOnlyList<string> hosts, Func<string, IReadOnlyDictionary<string, object?>> variablesOf)
    : ReadOnlyDictionaryView
{
    public override IEnumerable<string> Keys => hosts;

    public override bool TryGetValue(string key, out object? value)
    {
        if (hosts.Contains(key, StringComparer.Ordinal))
        {
            value = variablesOf(key);
            return true;
        }

        value = null;
        return false;
    }
}
