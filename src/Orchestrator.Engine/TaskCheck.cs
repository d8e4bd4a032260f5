using Orchestrator.Core.Diagnostics;
using Orchestrator.Core.Yaml;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine;

/// <summary>
/// Walks a task list for <see cref="UndefinedVariableCheck"/>, widening the names as the engine's scopes do:
/// block and task vars for what they enclose, loop variables inside the looping task (not in its loop: list),
/// an include's vars and loop variables in the included tasks, and what <c>when</c> conditions prove defined
/// for what runs under them.
/// </summary>
internal sealed class TaskCheck(CheckSession session, Play play)
{
    private readonly ArgumentCheck arguments = new(session, play);

    private ReferenceReport Report => session.Report;

    public void List(IReadOnlyList<TaskNode> nodes, ScopeNames scope)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case ModuleTask task:
                    Module(task, scope);
                    break;
                case BlockTask block:
                    Block(block, scope);
                    break;
                case IncludeTasks include:
                    Include(include, scope);
                    break;
            }
        }
    }

    public void Module(ModuleTask task, ScopeNames outer)
    {
        var source = session.Sources.MappingAt(task.Location);
        var withVars = outer.With(task.Common.Vars.Keys);
        var scope = Keywords(task.Common, source, task.Location, task.Loop is null ? withVars : withVars.With(LoopNames(task.Loop)));
        var known = scope.Guarded;
        if (task.Loop is { } loop)
        {
            Loop(loop, source, withVars.Known, scope);
        }

        foreach (var condition in task.ChangedWhen.Concat(task.FailedWhen).Concat(task.Until))
        {
            Report.Condition(condition.Text, condition.Location, known);
        }

        foreach (var name in task.Notify)
        {
            Report.Template(name, Written(source?["notify"], name) ?? task.Location, known);
        }

        if (task.Module != "meta")
        {
            arguments.Check(task, ArgumentNodes.Of(source, task.Module), known);
        }
    }

    /// <summary>
    /// The keywords every task, block, include and role entry has: vars, when, environment, delegate_to.
    /// Conditions of a when list are evaluated in order, each only if the ones before held.
    /// </summary>
    /// <returns>The scope with what the when conditions prove.</returns>
    public ScopeNames Keywords(TaskCommon common, YMapping? source, SourceLocation fallback, ScopeNames scope)
    {
        foreach (var condition in common.When)
        {
            Report.Condition(condition.Text, condition.Location, scope.Guarded);
            scope = scope.Proving(session.Guarantees(condition));
        }

        var known = session.ForValues(scope.Guarded);
        var vars = source?["vars"] as YMapping;
        foreach (var (name, value) in common.Vars)
        {
            Report.Value(vars?[name], value, vars?.KeyNode(name)?.Location ?? fallback, known);
        }

        var environment = source?["environment"] as YMapping;
        foreach (var (name, value) in common.Environment)
        {
            Report.Value(environment?[name], value, fallback, known);
        }

        if (common.DelegateTo is { } target)
        {
            Report.Template(target, source?["delegate_to"]?.Location ?? fallback, scope.Guarded);
        }

        return scope;
    }

    private void Block(BlockTask block, ScopeNames outer)
    {
        var scope = Keywords(block.Common, session.Sources.MappingAt(block.Location), block.Location, outer.With(block.Common.Vars.Keys));
        List(block.Block, scope);
        List(block.Rescue, scope);
        List(block.Always, scope);
    }

    private void Include(IncludeTasks include, ScopeNames outer)
    {
        var source = session.Sources.MappingAt(include.Location);
        var withVars = outer.With(include.Common.Vars.Keys);
        var scope = Keywords(include.Common, source, include.Location, include.Loop is null ? withVars : withVars.With(LoopNames(include.Loop)));
        if (include.Loop is { } loop)
        {
            Loop(loop, source, withVars.Known, scope);
        }

        Report.Template(include.File, FileNameLocation(source) ?? include.Location, scope.Guarded);

        // A templated file name is only known at run time; its tasks are checked by the parser when it loads them.
        // The include's conditions were evaluated before its tasks run, so they cover the tasks' loops too.
        if (include.Preloaded is { } tasks)
        {
            List(tasks, ScopeNames.Of(scope.Guarded));
        }
    }

    /// <param name="itemsKnown">What the loop's list sees: the task's scope without loop variables or when's proofs.</param>
    /// <param name="scope">The task's scope, with loop variables and what its when conditions prove.</param>
    private void Loop(LoopSpec loop, YMapping? source, KnownNames itemsKnown, ScopeNames scope)
    {
        Report.Value(session.Sources.At(loop.Location), loop.Items, loop.Location, itemsKnown, provenByWhen: KnownNames.Of(scope.Proven));
        if (loop.Label is { } label)
        {
            var labelNode = (source?["loop_control"] as YMapping)?["label"];
            Report.Template(label, labelNode?.Location ?? loop.Location, scope.Guarded);
        }
    }

    private static IEnumerable<string> LoopNames(LoopSpec loop) =>
        [loop.LoopVar, .. MagicVariables.Loop, .. loop.IndexVar is { } index ? [index] : Array.Empty<string>()];

    private static SourceLocation? FileNameLocation(YMapping? source)
    {
        var value = source?.Entries.FirstOrDefault(e => e.Key.Value.EndsWith("include_tasks", StringComparison.Ordinal)).Value;
        return (value is YMapping mapping ? mapping["file"] : value)?.Location;
    }

    /// <summary>Where <paramref name="text"/> is written in a scalar-or-list keyword (notify).</summary>
    private static SourceLocation? Written(YNode? node, string text) => node switch
    {
        YScalar scalar when scalar.Value == text => scalar.Location,
        YSequence sequence => sequence.Items.OfType<YScalar>().FirstOrDefault(s => s.Value == text)?.Location,
        _ => null,
    };
}
