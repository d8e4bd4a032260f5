using Orchestrator.Core.Diagnostics;
using Orchestrator.Playbooks.Model;

namespace Orchestrator.Engine.Tests;

/// <summary>--list-tasks selects as a run does: inherited tags, the run's tag filter, includes listed themselves.</summary>
public sealed class TaskListingTests
{
    private static readonly SourceLocation At = new("p.yaml", 1, 1);

    // Before Sample, which is built from it: static fields are initialised in order.
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    private static readonly RoleInfo RoleR = new("r", "/roles/r");

    private static readonly Play Sample = new Play(At, "sample", new Expression("all", At), "/")
    {
        Tags = ["p"],
        PreTasks = [Task("pre", "pre")],
        Roles = [new Role(At, RoleR, Tags("rt"), Empty, Empty, Empty, [Task("in role", role: RoleR), Task("role own", "own", role: RoleR)], [])],
        Tasks =
        [
            Task("plain"),
            Task("hidden", "never"),
            Task("asked never", "never", "n"),
            Task("kept", "always"),
            new BlockTask(At, Tags("blk"), null, [Task("in block", "inner")], [Task("rescuer")], [Task("finally", "fin")]),
            new IncludeTasks(At, Tags("inc") with { Name = "include" }, null, "more.yaml", "/") { Preloaded = [Task("included", "deep")] },
        ],
        PostTasks = [Task("post")],
    };

    [Theory]
    [InlineData("", "", "pre,in role,role own,plain,kept,in block,rescuer,finally,include,post")]
    [InlineData("rt", "", "in role,role own,kept")]
    [InlineData("", "rt", "pre,plain,kept,in block,rescuer,finally,include,post")]
    [InlineData("n", "", "asked never,kept")]
    [InlineData("never", "", "hidden,asked never,kept")]
    [InlineData("blk", "fin", "kept,in block,rescuer")]
    [InlineData("inc", "", "kept,include")]
    [InlineData("deep", "", "kept")]
    [InlineData("", "all", "kept")]
    [InlineData("untagged", "", "kept")]
    public void Lists_what_the_tags_select_in_run_order(string only, string skip, string expected)
    {
        var listed = TaskListing.Select(Sample, new RunOptions { Tags = Words(only), SkipTags = Words(skip) });

        Assert.Equal(expected, string.Join(",", listed.Select(l => l.Task.Common.Name)));
    }

    [Fact]
    public void Each_task_carries_the_tags_of_its_play_role_entry_and_blocks()
    {
        var listed = TaskListing.Select(Sample, new RunOptions()).ToDictionary(l => l.Task.Common.Name!, l => l.Tags);

        Assert.Equal(["p", "rt", "own"], listed["role own"]);
        Assert.Equal(["p", "blk", "inner"], listed["in block"]);
        Assert.Equal(["p", "blk", "fin"], listed["finally"]);
        Assert.Equal(["p", "inc"], listed["include"]);
        Assert.Equal(["p"], listed["plain"]);
    }

    private static ModuleTask Task(string name, params string[] tags) => Task(name, tags, role: null);

    private static ModuleTask Task(string name, string tag, RoleInfo role) => Task(name, [tag], role);

    private static ModuleTask Task(string name, RoleInfo role) => Task(name, [], role);

    private static ModuleTask Task(string name, string[] tags, RoleInfo? role) =>
        new(At, Tags(tags) with { Name = name }, role, "debug", Empty, new Dictionary<string, SourceLocation>());

    private static TaskCommon Tags(params string[] tags) => TaskCommon.Empty with { Tags = tags };

    private static string[] Words(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
