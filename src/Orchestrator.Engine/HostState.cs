using Orchestrator.Core.Output;

namespace Orchestrator.Engine;

/// <summary>Everything the run learns about one host: facts, registered results, notified handlers, failure. Lives in the run, never on the model.</summary>
internal sealed class HostState
{
    public HostState(string name)
    {
        Name = name;
    }

    public string Name { get; }

    /// <summary>set_fact and register results (one precedence level).</summary>
    public Dictionary<string, object?> RuntimeVars { get; } = new(StringComparer.Ordinal);

    /// <summary>Gathered facts, exposed as the variable "facts".</summary>
    public Dictionary<string, object?> Facts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Handler names and listen topics notified and not yet run.</summary>
    public HashSet<string> Notified { get; } = new(StringComparer.Ordinal);

    public bool Failed { get; set; }

    public bool Unreachable { get; set; }

    /// <summary>meta: end_host, or the play was ended for it.</summary>
    public bool Ended { get; set; }

    public bool IsActive => !Failed && !Unreachable && !Ended;

    public HostStatsCounter Stats { get; } = new();
}
