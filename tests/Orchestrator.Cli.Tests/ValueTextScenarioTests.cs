using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests;

/// <summary>Lists and mappings shown or written as text by debug, copy, loop labels and include_tasks loops.</summary>
public sealed class ValueTextScenarioTests : IDisposable
{
    // What ansible-playbook 2.14 writes for the same playbook: Python's json.dumps.
    private const string Settings = """{"zk": "zk://a:2181,b:2181/mesos", "quorum": 2, "ssl": false, "name": "caf\u00e9 <&>"}""";

    private readonly ScenarioWorkspace scenario = new("text");

    public void Dispose() => scenario.Dispose();

    [Fact]
    public async Task Mappings_and_lists_become_json_with_keys_in_order()
    {
        var run = await scenario.ConvergeAsync("site.yaml");

        Assert.Equal(Settings, scenario.Read("t1", "settings.json"));
        Assert.Equal("[5050, 5051]", scenario.Read("t1", "ports.json"));
        Assert.Contains("\"name\": \"café <&>\",", run.Output, StringComparison.Ordinal);
        Assert.Contains("(item={\"role\":\"master\",\"port\":5050})", run.Output, StringComparison.Ordinal);
        Assert.Contains("(item={\"role\":\"agent\",\"port\":5051})", run.Output, StringComparison.Ordinal);
        Assert.Equal("5050\n", scenario.Read("t1", "master.txt"));
        Assert.Equal("5051\n", scenario.Read("t1", "agent.txt"));
    }
}
