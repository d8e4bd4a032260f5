namespace Orchestrator.Inventory;

/// <summary>Ansible's <c>group[i]</c> (negative counts from the end) and inclusive <c>group[a:b]</c> / <c>group[a:]</c>.</summary>
/// <param name="End">Null for a single index; the last index of a range, or null-to-the-end when <paramref name="IsRange"/>.</param>
internal readonly record struct PatternSubscript(int Start, int? End, bool IsRange)
{
    public IReadOnlyList<string> Apply(IReadOnlyList<string> hosts)
    {
        if (!IsRange)
        {
            var index = Start < 0 ? hosts.Count + Start : Start;
            return index >= 0 && index < hosts.Count ? [hosts[index]] : [];
        }

        var last = Math.Min(End ?? hosts.Count - 1, hosts.Count - 1);
        return Start > last ? [] : hosts.Skip(Start).Take(last - Start + 1).ToList();
    }
}
