using Orchestrator.Core.Diagnostics;

namespace Orchestrator.Core.Yaml;

public sealed record YSequence(SourceLocation Location, IReadOnlyList<YNode> Items) : YNode(Location)
{
    public override string KindName => "a list";
}
