using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// --list-tasks with --tags and --skip-tags. Scenarios/options/listings/ holds ansible-playbook 2.14's own listings of
/// list-tags.yaml (first line: the options), which ours must equal; a run with the same options must run exactly the
/// listed tasks, so the listing can be trusted to say what a run will do.
/// </summary>
public sealed class TaskListingScenarioTests : IDisposable
{
    private readonly ScenarioWorkspace scenario = new("options");

    public void Dispose() => scenario.Dispose();

    public static TheoryData<string> Listings()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scenarios", "options", "listings"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task Listing_equals_ansible_playbooks(string name)
    {
        var (options, expected) = Listing(name);

        var result = await List("list-tags.yaml", options);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"\nplaybook: {Path.Combine(scenario.Folder, "list-tags.yaml")}\n{expected}", result.Output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public async Task A_run_with_the_same_options_runs_the_listed_tasks(string name)
    {
        var (options, expected) = Listing(name);

        var run = await scenario.RunAsync("list-tags.yaml", options);

        run.AssertExit(0);
        var listed = expected.Split('\n').Where(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf('\t', StringComparison.Ordinal)]);
        Assert.Equal(listed, run.Report!.TaskNames);
    }

    [Theory]
    [InlineData("", "include with a tag\tTAGS: [inc]", "include_tasks\tTAGS: []", "in the block\tTAGS: [blk]", "rescuing\tTAGS: [blk]", "finally\tTAGS: [blk, fin]")]
    [InlineData("-t inc", "include with a tag\tTAGS: [inc]")]
    [InlineData("-t deep")]
    [InlineData("-t blk --skip-tags fin", "in the block\tTAGS: [blk]", "rescuing\tTAGS: [blk]")]
    public async Task An_include_is_listed_itself_and_a_blocks_rescue_and_always_too(string options, params string[] expected)
    {
        var result = await List("list-include.yaml", options.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(result.ExitCode == 0, result.ToString());
        var tasks = result.Output.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l != "    tasks:").Skip(1).TakeWhile(l => l.Length > 0);
        Assert.Equal(expected, tasks.Select(l => l.Trim()));
    }

    private Task<CliResult> List(string playbook, IEnumerable<string> options) =>
        CliRunner.RunAsync(["run", Path.Combine(scenario.Folder, playbook), "-i", Path.Combine(scenario.Folder, "inventory.yaml"), "--list-tasks", .. options]);

    // The first line is "# ansible-playbook 2.14: ansible-playbook list-tags.yaml ... --list-tasks OPTIONS"; the rest is
    // what it printed after its "playbook:" line.
    private static (string[] Options, string Expected) Listing(string name)
    {
        var lines = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", "options", "listings", name + ".txt")).ReplaceLineEndings("\n").Split('\n', 2);
        var options = lines[0][(lines[0].IndexOf("--list-tasks", StringComparison.Ordinal) + "--list-tasks".Length)..];
        return (options.Split(' ', StringSplitOptions.RemoveEmptyEntries), lines[1]);
    }
}
