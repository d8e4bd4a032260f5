using System.Text.RegularExpressions;

namespace Orchestrator.Content.Tests;

/// <summary>
/// Every flag the content hands to Mesos, Marathon or Swarm is one their documentation lists (Fixtures/flags):
/// a misspelt flag file stops the daemon, a misspelt MESOS_* variable would be ignored without a word.
/// </summary>
public sealed partial class FlagNameTests
{
    private static readonly ContentVariables Variables = new(ContentRenderer.InventoryExample, "jammy", RenderCase.Extra("resources"));

    [Theory]
    [InlineData("mesos_master_flags", "mesos-master.txt")]
    [InlineData("mesos_agent_flags", "mesos-agent.txt")]
    [InlineData("marathon_conf_flags", "marathon.txt")]
    public void Every_flag_file_name_is_a_documented_flag(string listName, string flagsFile)
    {
        var names = FlagFileNames(listName);

        Assert.NotEmpty(names);
        Assert.Equal([], names.Except(Documented(flagsFile)).ToList());
    }

    [Fact]
    public void Agent_resources_and_attributes_files_are_documented_flags()
    {
        Assert.Contains("resources", Documented("mesos-agent.txt"));
        Assert.Contains("attributes", Documented("mesos-agent.txt"));
    }

    // The wrapper turns PORT/ZK (master) and LOGS into flags; a flag file of the same name is a fatal duplicate.
    [Fact]
    public void No_master_flag_file_duplicates_what_the_wrapper_variables_give()
    {
        Assert.Equal([], FlagFileNames("mesos_master_flags").Intersect(["port", "zk", "log_dir"]).ToList());
        Assert.Equal([], FlagFileNames("mesos_agent_flags").Intersect(["master", "log_dir", "quorum", "zk", "cluster"]).ToList());
    }

    [Theory]
    [InlineData("containers/mesos-master.sh.hbs", "m1", "mesosphere/mesos-master:", "mesos-master.txt")]
    [InlineData("containers/mesos-agent.sh.hbs", "a1", "mesosphere/mesos-slave:", "mesos-agent.txt")]
    [InlineData("containers/marathon.sh.hbs", "m1", "mesosphere/marathon:", "marathon.txt")]
    public void Every_argument_of_a_run_script_is_a_documented_flag(string template, string host, string imageLine, string flagsFile)
    {
        var flags = DaemonArguments(ContentRenderer.RenderFile(template, Variables.For(host)), imageLine).ToList();

        Assert.True(flags.Count >= 5, string.Join(" ", flags));
        Assert.Equal([], flags.Except(Documented(flagsFile)).ToList());
    }

    [Fact]
    public void Every_swarm_manage_option_is_documented()
    {
        var vars = new ContentVariables(ContentRenderer.InventoryExample, "jammy", RenderCase.Extra("swarm-tls")).For("m1");
        var script = ContentRenderer.RenderFile("containers/swarm-manager.sh.hbs", vars);
        var manage = script[script.IndexOf(" manage ", StringComparison.Ordinal)..];
        var options = OptionPattern().Matches(manage).Select(m => m.Groups["name"].Value switch
        {
            "H" => "host",
            "c" => "cluster-driver",
            var name => name,
        }).ToList();
        var clusterOptions = ClusterOptPattern().Matches(manage).Select(m => "cluster-opt:" + m.Groups["key"].Value).ToList();

        Assert.Equal([], options.Concat(clusterOptions).Except(Documented("swarm-manage.txt")).ToList());
        Assert.Contains("cluster-opt:mesos.address", clusterOptions);
        Assert.Contains("cluster-opt:mesos.port", clusterOptions);
        Assert.Contains("SWARM_MESOS_USER=root", script, StringComparison.Ordinal);
    }

    // Mesos ignores unknown MESOS_* variables: the content sets none, only the wrapper's own variables.
    [Theory]
    [InlineData("mesos/default-mesos.hbs", "LOGS ULIMIT")]
    [InlineData("mesos/default-mesos-master.hbs", "PORT ZK")]
    [InlineData("mesos/default-mesos-slave.hbs", "MASTER")]
    public void Mesos_default_files_set_only_the_wrapper_variables(string template, string expected)
    {
        var text = ContentRenderer.RenderFile(template, Variables.For("m1"));
        var names = text.Split('\n').Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]);

        Assert.Equal(expected, string.Join(" ", names));
    }

    private static List<string> FlagFileNames(string listName) =>
        ((IReadOnlyList<object?>)ContentVariables.RoleFile("vars")[listName]!)
        .Cast<IReadOnlyDictionary<string, object?>>()
        .Select(item => (string)item["name"]!)
        .ToList();

    private static HashSet<string> Documented(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.Fixtures, "flags", file))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The --flags after the image reference (before it are docker run's own options).</summary>
    private static IEnumerable<string> DaemonArguments(string script, string imageLine)
    {
        var afterImage = script[script.IndexOf(imageLine, StringComparison.Ordinal)..];
        return FlagPattern().Matches(afterImage).Select(m => m.Groups["name"].Value)
            .Select(name => name.StartsWith("no-", StringComparison.Ordinal) ? name[3..] : name);
    }

    [GeneratedRegex(@"(?<=\s)--(?<name>[a-z_][a-z0-9_-]*)")]
    private static partial Regex FlagPattern();

    [GeneratedRegex(@"(?<=\s)--?(?<name>[A-Za-z][a-z0-9-]*)")]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"--cluster-opt (?<key>[a-z.]+)=")]
    private static partial Regex ClusterOptPattern();
}
