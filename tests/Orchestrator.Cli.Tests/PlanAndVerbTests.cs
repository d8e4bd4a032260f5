using System.Diagnostics;
using System.Text.Json;

namespace Orchestrator.Cli.Tests;

/// <summary>Plan-only modes (connect to nothing), option errors (exit 5), and the inventory and modules verbs.</summary>
public sealed class PlanAndVerbTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Scenarios", "options");

    [Fact]
    public async Task List_hosts_and_tasks_print_the_plan_and_contact_no_host()
    {
        var clock = Stopwatch.StartNew();

        var result = await Run("run", Scenario("plan.yaml"), "-i", Scenario("remote-inventory.yaml"), "--list-hosts", "--list-tasks");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "a host was contacted");
        Assert.Equal(
            $"\nplaybook: {Scenario("plan.yaml")}\n\n" +
            "  play #1 (all): plan only\tTAGS: [deploy]\n" +
            "    pattern: ['all']\n" +
            "    hosts (1):\n" +
            "      far1\n" +
            "    tasks:\n" +
            "      ping it\tTAGS: [deploy, probe]\n" +
            "      inside the block\tTAGS: [deploy, grouped]\n" +
            "\n  play #2 (far1:web1): second play\tTAGS: []\n" +
            "    pattern: ['far1:web1']\n" +
            "    hosts (1):\n" +
            "      far1\n" +
            "    tasks:\n" +
            "      debug\tTAGS: []\n",
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task List_hosts_applies_the_limit()
    {
        var result = await Run("run", Scenario("site.yaml"), "-i", Scenario("inventory.yaml"), "-e", "base_dir=/nonexistent", "--list-hosts", "--limit", "web:!web2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("    hosts (1):\n      web1\n", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--list-hosts")]
    [InlineData("--list-tasks")]
    public async Task Listing_with_a_limit_that_matches_no_host_is_a_bad_option(string listing)
    {
        var result = await Run("run", Scenario("plan.yaml"), "-i", Scenario("remote-inventory.yaml"), listing, "--limit", "nosuch");

        // As ansible-playbook, which refuses to list a plan with no host to target.
        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Equal("ERROR: --limit: host pattern 'nosuch' matches no host of the inventory; nothing was run\n  --> --limit\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Syntax_check_validates_and_contacts_no_host()
    {
        var clock = Stopwatch.StartNew();

        var result = await Run("run", Scenario("plan.yaml"), "-i", Scenario("remote-inventory.yaml"), "--syntax-check");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "a host was contacted");
        Assert.Equal($"\nplaybook: {Scenario("plan.yaml")}\n", result.Output);
    }

    [Fact]
    public async Task Syntax_check_of_a_broken_playbook_exits_4()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("orchestrate-broken-").FullName, "broken.yaml");
        try
        {
            File.WriteAllText(broken, "- hosts: all\n  tasks:\n    - no_such_module: x\n");

            var result = await Run("run", broken, "-i", Scenario("inventory.yaml"), "--syntax-check");

            Assert.True(result.ExitCode == 4, result.ToString());
            Assert.Contains($"{broken}:3:", result.Error, StringComparison.Ordinal);
            Assert.Equal("", result.Output);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(broken)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("run", "site.yaml", "--bogus")]
    [InlineData("run", "site.yaml", "--forks", "0")]
    [InlineData("run", "site.yaml", "--forks", "many")]
    [InlineData("run")]
    [InlineData("run", "missing-playbook.yaml")]
    [InlineData("run", "site.yaml", "-i", "missing-inventory.yaml")]
    [InlineData("run", "site.yaml", "-e", "@missing-vars.yaml")]
    [InlineData("run", "site.yaml", "-e", "notakeyvalue")]
    [InlineData("inventory", "-i", "inventory.yaml")]
    [InlineData("inventory", "-i", "inventory.yaml", "--list", "--graph")]
    [InlineData("inventory", "-i", "inventory.yaml", "--host", "nobody")]
    [InlineData("modules", "no_such_module")]
    [InlineData("frobnicate")]
    public async Task Bad_options_exit_5_with_an_error_and_no_stack_trace(params string[] args)
    {
        var result = await Run([.. args.Select(a => a.EndsWith(".yaml", StringComparison.Ordinal) && !a.StartsWith('@') ? Scenario(a) : a)]);

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("ERROR", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_graph_shows_the_group_tree()
    {
        var result = await Run("inventory", "-i", Scenario("inventory.yaml"), "--graph");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("@all:\n  |--@ungrouped:\n  |--@web:\n  |  |--web1\n  |  |--web2\n  |--@db:\n  |  |--db1\n  |  |--db2\n", result.Output);
    }

    [Fact]
    public async Task Inventory_list_is_ansible_inventory_json()
    {
        var result = await Run("inventory", "-i", Scenario("inventory.yaml"), "--list");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(["ungrouped", "web", "db"], root.GetProperty("all").GetProperty("children").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["web1", "web2"], root.GetProperty("web").GetProperty("hosts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("local", root.GetProperty("_meta").GetProperty("hostvars").GetProperty("db2").GetProperty("ansible_connection").GetString());
    }

    [Fact]
    public async Task Inventory_host_shows_one_hosts_variables()
    {
        var result = await Run("inventory", "-i", Scenario("remote-inventory.yaml"), "--host", "far1");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("192.0.2.1", json.RootElement.GetProperty("ansible_host").GetString());
        Assert.Equal("blue", json.RootElement.GetProperty("colour").GetString());
    }

    [Fact]
    public async Task Modules_lists_every_module_with_its_description()
    {
        var result = await Run("modules");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("MODULE", lines[0], StringComparison.Ordinal);
        foreach (var module in new[] { "command", "shell", "copy", "template", "file", "lineinfile", "stat", "apt", "service", "debug", "assert", "fail", "set_fact", "meta" })
        {
            Assert.Contains(lines, l => l.StartsWith(module + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Modules_copy_shows_its_arguments()
    {
        var result = await Run("modules", "copy");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("copy - ", result.Output, StringComparison.Ordinal);
        Assert.Contains("Needs one of: src, content", result.Output, StringComparison.Ordinal);
        Assert.Contains("\ndest ", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nforce\s+bool\s+default: true\s+-\s+thirsty\s", result.Output);
    }

    private static string Scenario(string file) => Path.Combine(Folder, file);

    private static Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(args);
}
