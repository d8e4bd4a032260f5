using System.Text.RegularExpressions;

namespace Orchestrator.Content.Tests;

/// <summary>
/// Rules from docs/mesos-content-design.md §14 that hold for the content's source as a whole: the mistakes of the
/// usual recipes cannot come back unnoticed.
/// </summary>
public sealed class ContentRuleTests
{
    private static IEnumerable<(string Path, string Line)> ContentLines() =>
        Directory.GetFiles(RepositoryPaths.Playbooks, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryPaths.Templates, "*.hbs", SearchOption.AllDirectories))
            .SelectMany(path => File.ReadLines(path).Select(line => (Path: Path.GetRelativePath(RepositoryPaths.Root, path), Line: line)))
            .Where(l => !l.Line.TrimStart().StartsWith('#'));

    [Theory]
    [InlineData(">>", "appending (#14): files are written whole")]
    [InlineData(@"\.override", "upstart overrides (#13): the service module writes them, and only under upstart")]
    [InlineData("apt-key", "apt-key (#21): keys go to their own keyring, checked by fingerprint")]
    [InlineData("(?<![A-Z_])MESOS_", "MESOS_* variables (#1, #4, #30): unknown ones are silently ignored; flags are files or arguments")]
    [InlineData("/etc/mesos-agent", "/etc/mesos-agent (#9): the packages read /etc/mesos-slave")]
    [InlineData("in_memory", "the in_memory registry (#2)")]
    [InlineData(@"0\.0\.0\.0", "a listener on every address (#32, #34): the cluster address only")]
    public void No_content_line_uses(string pattern, string why)
    {
        var offending = ContentLines().Where(l => Regex.IsMatch(l.Line, pattern, RegexOptions.None, TimeSpan.FromSeconds(5))).Select(l => $"{l.Path}: {l.Line.Trim()}");

        Assert.True(!offending.Any(), why + "\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Containerizers_default_tries_docker_first()
    {
        Assert.Equal("docker,mesos", ContentVariables.RoleFile("defaults")["mesos_agent_containerizers"]);
    }

    [Fact]
    public void Every_run_script_keeps_its_container_running_across_reboots_on_the_host_network()
    {
        foreach (var script in Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "containers"), "*.sh.hbs"))
        {
            var text = File.ReadAllText(script);
            Assert.Contains("--restart=always", text, StringComparison.Ordinal);
            Assert.Contains("--net=host", text, StringComparison.Ordinal);
            Assert.StartsWith("#!/bin/sh\n", text, StringComparison.Ordinal);
        }
    }
}
