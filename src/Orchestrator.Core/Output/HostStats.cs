namespace Orchestrator.Core.Output;

/// <summary>One host's PLAY RECAP line, counted as ansible-playbook counts (a changed task is also ok).</summary>
public sealed record HostStats
{
    public int Ok { get; init; }

    public int Changed { get; init; }

    public int Unreachable { get; init; }

    public int Failed { get; init; }

    public int Skipped { get; init; }

    public int Rescued { get; init; }

    public int Ignored { get; init; }
}
