namespace Orchestrator.Playbooks.Model;

/// <summary>One entry of <c>serial</c>: a host count or a percentage of the play's hosts.</summary>
public sealed record BatchSize(int? Count, double? Percent)
{
    /// <summary>Hosts in a batch for a play of <paramref name="playHosts"/> hosts: a percentage rounds down, at least 1.</summary>
    public int For(int playHosts) =>
        Count ?? Math.Max(1, (int)Math.Floor(playHosts * Percent!.Value / 100.0));
}
