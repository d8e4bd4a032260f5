using Orchestrator.Cli.Tests.Support;
using System.Text;

namespace Orchestrator.Cli.Tests;

/// <summary>
/// SPEC §4's variable precedence end to end: one variable defined at every level, then the levels removed
/// from the top one by one; each time the highest level still defining it must win.
/// </summary>
public sealed class VariablePrecedenceTests : IDisposable
{
    // Low to high, as SPEC §4 lists them.
    private static readonly string[] Levels =
    [
        "role_defaults", "inventory_all", "group_parent", "group_child", "host", "play_vars", "vars_files",
        "role_vars", "block_vars", "task_vars", "set_fact", "extra_vars",
    ];

    private readonly string root = Directory.CreateTempSubdirectory("orchestrate-precedence-").FullName;

    public static TheoryData<string> HighestLevels => new(Levels.Reverse());

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [MemberData(nameof(HighestLevels))]
    public async Task Highest_defined_level_wins(string highest)
    {
        var defined = Levels.Take(Array.IndexOf(Levels, highest) + 1).ToHashSet(StringComparer.Ordinal);
        WriteProject(defined);
        var work = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;

        string[] extraVars = defined.Contains("extra_vars") ? ["-e", "level=extra_vars"] : [];
        for (var round = 1; round <= 2; round++)
        {
            var report = Path.Combine(root, $"report{round}.json");
            var result = await CliRunner.RunAsync([
                "run", Path.Combine(root, "site.yaml"), "-i", Path.Combine(root, "inventory.yaml"), "-e", $"base_dir={work}",
                "--json-report", report, .. extraVars]);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal($"level={highest}\n", File.ReadAllText(Path.Combine(work, "level.txt")));
            Assert.Equal(round == 1 ? 1 : 0, RunReport.Load(report).Recap["h1"].Changed);
        }
    }

    private void WriteProject(HashSet<string> defined)
    {
        string Var(string level, string indent) => defined.Contains(level) ? $"{indent}level: {level}\n" : "";

        File.WriteAllText(Path.Combine(root, "inventory.yaml"),
            "all:\n  vars:\n    ansible_connection: local\n" + Var("inventory_all", "    ") +
            "  children:\n    parent:\n      vars:\n        other: 1\n" + Var("group_parent", "        ") +
            "      children:\n        child:\n          vars:\n            other: 2\n" + Var("group_child", "            ") +
            "          hosts:\n            h1:\n              other: 3\n" + Var("host", "              "));

        var role = Directory.CreateDirectory(Path.Combine(root, "roles", "show")).FullName;
        WriteVars(Path.Combine(role, "defaults", "main.yaml"), Var("role_defaults", ""));
        WriteVars(Path.Combine(role, "vars", "main.yaml"), Var("role_vars", ""));
        WriteVars(Path.Combine(root, "vars.yaml"), Var("vars_files", ""));

        var playbook = new StringBuilder()
            .Append("- name: precedence\n  hosts: all\n  gather_facts: false\n")
            .Append("  vars:\n    other: 4\n").Append(Var("play_vars", "    "))
            .Append(defined.Contains("vars_files") ? "  vars_files: [vars.yaml]\n" : "")
            .Append("  roles: [show]\n  tasks:\n")
            .Append(defined.Contains("set_fact") ? "    - set_fact: { level: set_fact }\n" : "")
            .Append("    - block:\n")
            .Append("        - name: show the level\n")
            .Append("          copy: { dest: \"{{ base_dir }}/level.txt\", content: \"level={{ level }}\\n\" }\n")
            .Append("          vars:\n            other: 5\n").Append(Var("task_vars", "            "))
            .Append("      vars:\n        other: 6\n").Append(Var("block_vars", "        "));
        File.WriteAllText(Path.Combine(root, "site.yaml"), playbook.ToString());
    }

    private static void WriteVars(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.Length == 0 ? "other: 0\n" : content);
    }
}
