using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Yaml;

/// <param name="Value">The scalar's text as written (after YAML unescaping).</param>
/// <param name="IsQuoted">Quoted or block scalars are always strings; plain ones are typed (true, 12, null...).</param>
/// <param name="Tag">An explicit tag such as <c>!vault</c>, or null.</param>
public sealed record YScalar(SourceLocation Location, string Value, bool IsQuoted, string? Tag = null) : YNode(Location)
{
    public override string KindName => "a scalar";

    /// <summary>The typed value under YAML 1.1 rules as Ansible reads them (yes/no/on/off are booleans).</summary>
    public object? ToPlain() => YamlScalarTyping.Resolve(this);
}
