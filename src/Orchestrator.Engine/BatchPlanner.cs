using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>Splits a play's hosts into serial batches; the last batch size repeats until all hosts are covered.</summary>
internal static class BatchPlanner
{
    public static IReadOnlyList<IReadOnlyList<string>> Plan(IReadOnlyList<string> hosts, IReadOnlyList<BatchSize> serial)
    {
        if (serial.Count == 0 || hosts.Count == 0)
        {
            return [hosts];
        }

        var batches = new List<IReadOnlyList<string>>();
        var index = 0;
        var entry = 0;
        while (index < hosts.Count)
        {
            var size = Math.Max(1, serial[Math.Min(entry, serial.Count - 1)].For(hosts.Count));
            batches.Add(hosts.Skip(index).Take(size).ToList());
            index += size;
            entry++;
        }

        return batches;
    }
}
