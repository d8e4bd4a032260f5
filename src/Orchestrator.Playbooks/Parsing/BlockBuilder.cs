using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

internal static class BlockBuilder
{
    public static BlockTask Build(TaskContext context, TaskParts parts, TaskCommon common)
    {
        IReadOnlyList<TaskNode> Section(string name) =>
            parts.Sections.TryGetValue(name, out var entry) ? TaskListReader.Read(context, entry.Key, entry.Value) : [];

        return new BlockTask(parts.Mapping.Location, common, context.Role, Section("block"), Section("rescue"), Section("always"));
    }
}
