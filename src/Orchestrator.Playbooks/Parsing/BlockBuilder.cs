using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Playbooks.Parsing;

internal static class BlockBuilder
{
    public static BlockTask Build(TaskContext context, TaskParts parts, TaskCommon common)
    {
        IReadOnlyList<TaskNode> Section(string name) =>
            parts.Sections.TryGetValue(name, out var entry) ? TaskListReader.Read(context, entry.Key, entry.Value) : [];

        var block = new BlockTask(parts.Mapping.Location, common, context.Role, Section("block"), Section("rescue"), Section("always"));
        return parts.Keywords.TryGetValue("notify", out var notify)
            ? (BlockTask)Inherit(block, ModuleTaskBuilder.Notify(context, notify.Key, notify.Value))
            : block;
    }

    // As in Ansible, a block's notify is the notify of each task in it that has none of its own.
    private static TaskNode Inherit(TaskNode node, IReadOnlyList<string> notify) => node switch
    {
        ModuleTask { Notify.Count: 0 } task => task with { Notify = notify },
        BlockTask block => block with
        {
            Block = [.. block.Block.Select(n => Inherit(n, notify))],
            Rescue = [.. block.Rescue.Select(n => Inherit(n, notify))],
            Always = [.. block.Always.Select(n => Inherit(n, notify))],
        },
        _ => node,
    };
}
