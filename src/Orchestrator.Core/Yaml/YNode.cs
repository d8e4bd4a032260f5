using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Yaml;

/// <summary>An immutable YAML node that remembers where it was written.</summary>
public abstract record YNode(SourceLocation Location)
{
    /// <summary>A short word for error messages: "a string", "a list", "a mapping".</summary>
    public abstract string KindName { get; }
}
